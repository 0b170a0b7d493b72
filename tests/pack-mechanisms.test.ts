import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {expandOptional} from '../src/packs/compile.js'
import {PackError} from '../src/infra/pack-error.js'
import {loadRules} from '../src/packs/registry.js'

const directory = mkdtempSync(join(tmpdir(), 'postedit-mechanisms-'))
let counter = 0

/** A one-entry pack written to a fresh file; `entry` is the YAML of the entry's keys. */
function pack(entry: string, lists = ''): string {
  const file = join(directory, `pack-${counter++}.yml`)
  writeFileSync(file, `pack: test\ndescription: d\n${lists}entries:\n  - id: e\n${entry.replace(/^/gm, '    ')}\n`)
  return file
}

const disable = ['spelling', 'typography', 'names', 'needs-human', 'entities']
const fixed = async (text: string, file: string) => (await postedit(text, {fix: true, packs: [file], disable})).value
const flagged = async (text: string, file: string) =>
  (await postedit(text, {packs: [file], disable})).messages.filter((message) => message.ruleId === 'test.e').map((message) => message.actual)

describe('optional parts of a phrase', () => {
  it('expands optional words and endings into every form', () => {
    expect(expandOptional('[the] rising compan(ies)').map((form) => form.text).sort()).toEqual([
      'rising compan',
      'rising companies',
      'the rising compan',
      'the rising companies'
    ])
  })

  it('matches with and without the article and the plural, and the replacement follows', async () => {
    const file = pack(
      [
        'type: substitution',
        'match: "[the] hard currenc(ies) reserve(s)"',
        'replace: "[the] foreign currency reserve(s)"',
        'fix: auto',
        'note: n',
        'examples: [{in: "the hard currencies reserves fell", out: "the foreign currency reserves fell"}]'
      ].join('\n')
    )
    expect(await fixed('Hard currencies reserve rose.', file)).toBe('Foreign currency reserve rose.')
    expect(await fixed('It spent the hard currencies reserves.', file)).toBe('It spent the foreign currency reserves.')
  })
})

describe('context conditions', () => {
  const infections = pack(
    [
      'type: substitution',
      'match: "new injuries"',
      'replace: "new infections"',
      'fix: auto',
      'when: {topic: [virus, hospital, infection, epidemic]}',
      'note: n',
      'examples: [{in: "The virus spread, with 40 new injuries.", out: "The virus spread, with 40 new infections."}]',
      'keep: ["The match left two new injuries in the squad."]'
    ].join('\n')
  )

  it('applies a topic entry only in an article about the topic', async () => {
    expect(await fixed('The hospital is full.\n\nThe ministry recorded 300 new injuries.', infections)).toBe(
      'The hospital is full.\n\nThe ministry recorded 300 new infections.'
    )
    expect(await fixed('The coach reported new injuries before the final.', infections)).toBe('The coach reported new injuries before the final.')
  })

  it('needs the next word of a class: a number after "about"', async () => {
    const file = pack(
      [
        'type: substitution',
        'match: "milliard"',
        'replace: "billion"',
        'fix: auto',
        'when: {previous: ["#number"]}',
        'note: n',
        'examples: [{in: "a loan of 3 milliard dollars", out: "a loan of 3 billion dollars"}]',
        'keep: ["Milliard is a French word."]'
      ].join('\n')
    )
    expect(await fixed('They raised seven milliard euros.', file)).toBe('They raised seven billion euros.')
    expect(await flagged('The milliard was the old name.', file)).toEqual([])
  })

  it('skips a match before a number when `unless` names the class', async () => {
    const file = pack(
      [
        'type: substitution',
        'match: "debated about"',
        'replace: "debated"',
        'fix: auto',
        'unless: {next: ["#number"]}',
        'note: n',
        'examples: [{in: "MPs debated about the budget.", out: "MPs debated the budget."}]',
        'keep: ["They debated about 40 amendments."]'
      ].join('\n')
    )
    expect(await fixed('They debated about the reform.', file)).toBe('They debated the reform.')
    expect(await fixed('They debated about 12 bills.', file)).toBe('They debated about 12 bills.')
  })

  it('reads the next word across a currency sign, not across a full stop', async () => {
    const file = pack(
      [
        'type: substitution',
        'match: "valued at"',
        'replace: "worth"',
        'fix: auto',
        'when: {next: ["#number"]}',
        'note: n',
        'examples: [{in: "a deal valued at 5 billion", out: "a deal worth 5 billion"}]'
      ].join('\n')
    )
    expect(await fixed('A deal valued at $52 billion was signed.', file)).toBe('A deal worth $52 billion was signed.')
    expect(await fixed('It was valued at. 52 bids came in.', file)).toBe('It was valued at. 52 bids came in.')
  })

  it('refuses a class name it does not know', () => {
    const file = pack(['type: existence', 'match: x y', 'when: {next: ["#plural"]}', 'note: n', 'examples: [{in: "x y z"}]'].join('\n'))
    expect(() => loadRules([file])).toThrow(PackError)
  })
})

describe('numbers in a phrase', () => {
  const file = pack(
    [
      'type: substitution',
      'match: "{#} thousand {currency}"',
      'replace: "{#},000 {currency}"',
      'fix: auto',
      'note: n',
      'examples: [{in: "a fine of 20 thousand dinars", out: "a fine of 20,000 dinars"}]'
    ].join('\n'),
    'lists:\n  currency: [dinars, riyals]\n'
  )

  it('carries the number into the replacement', async () => {
    expect(await fixed('He paid 350 thousand riyals.', file)).toBe('He paid 350,000 riyals.')
  })

  it('does not take the last digits of a decimal or a grouped number', async () => {
    expect(await fixed('He paid 1.5 thousand riyals.', file)).toBe('He paid 1.5 thousand riyals.')
    expect(await flagged('a word thousand riyals', file)).toEqual([])
  })
})

describe('word-order variants', () => {
  it('shares slots between the phrases of one entry', async () => {
    const file = pack(
      [
        'type: substitution',
        'match: ["the ministry of {sector} affairs of Egypt", "the Egyptian {sector} affairs ministry"]',
        'replace: "Egypt\'s {sector} ministry"',
        'note: n',
        'examples: [{in: "the Egyptian health affairs ministry said", out: "Egypt\'s health ministry said"}]'
      ].join('\n'),
      'lists:\n  sector: [health, labour]\n'
    )
    expect(await fixed('Officials at the ministry of labour affairs of Egypt said so.', file)).toBe('Officials at the ministry of labour affairs of Egypt said so.')
    expect(await flagged('Officials at the ministry of labour affairs of Egypt said so.', file)).toEqual(['the ministry of labour affairs of Egypt'])
  })
})

describe('desk packs of the shipped calques', () => {
  const text = 'The bank sold treasury permits worth 3 milliard pounds. The ministers discussed about the budget.'
  const only = ['spelling', 'typography', 'names', 'terms', 'orgs', 'titles', 'artifacts']

  it('fixes the calques of every desk by default', async () => {
    const result = await postedit(text, {fix: true, disable: only})
    expect(result.value).toBe('The bank sold treasury bills worth 3 billion pounds. The ministers discussed the budget.')
  })

  it('turns off one desk by its id and leaves the others on', async () => {
    const result = await postedit(text, {fix: true, disable: [...only, 'calques.economy']})
    expect(result.value).toBe('The bank sold treasury permits worth 3 billion pounds. The ministers discussed the budget.')
  })
})
