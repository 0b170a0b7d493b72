import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {readPack} from '../src/packs/load.js'
import {PackError} from '../src/infra/pack-error.js'
import {loadRules} from '../src/packs/registry.js'
import {adaptCase} from '../src/packs/find.js'

const directory = mkdtempSync(join(tmpdir(), 'postedit-packs-'))
let counter = 0

/** Write a pack to a fresh file and return its path. */
function pack(yaml: string): string {
  const file = join(directory, `pack-${counter++}.yml`)
  writeFileSync(file, yaml)
  return file
}

/** The error loading a pack throws. */
function loadError(yaml: string): PackError {
  const file = pack(yaml)
  try {
    loadRules([file])
  } catch (error) {
    expect(error).toBeInstanceOf(PackError)
    return error as PackError
  }
  throw new Error('the pack loaded')
}

const fix = async (text: string, packs?: string[]) =>
  (await postedit(text, {fix: true, packs, disable: ['spelling', 'typography', 'names']})).value

describe('pack loader', () => {
  it('points at the line and column of a YAML syntax error', () => {
    const error = loadError('pack: x\ndescription: y\nentries:\n  - id: a\n    note: [unclosed\n')
    expect(error.message).toMatch(/pack-\d+\.yml:\d+:\d+: /)
    expect(error.line).toBeGreaterThanOrEqual(5)
  })

  it('names an unknown key where it is written', () => {
    const error = loadError(
      [
        'pack: x',
        'description: y',
        'entries:',
        '  - id: a',
        '    type: substitution',
        '    match: foo',
        '    replace: bar',
        '    note: n',
        '    colour: red',
        '    examples: [{in: foo, out: bar}]'
      ].join('\n')
    )
    expect(error.message).toMatch(/:4:5: unknown key `colour`$/)
  })

  it('refuses a wrong entry type with the allowed values', () => {
    const error = loadError('pack: x\ndescription: y\nentries:\n  - id: a\n    type: replace\n    note: n\n    examples: [{in: a}]\n')
    expect(error.message).toMatch(/:5:11: `type` must be one of `substitution`, `existence`, `artifact`/)
  })

  it('refuses duplicate ids', () => {
    const entry = (id: string) => `  - {id: ${id}, type: existence, match: foo, note: n, examples: [{in: foo}]}`
    const error = loadError(['pack: x', 'description: y', 'entries:', entry('a'), entry('a')].join('\n'))
    expect(error.message).toMatch(/:5:\d+: duplicate id `a`/)
  })

  it('refuses an unknown list in a phrase', () => {
    const error = loadError('pack: x\ndescription: y\nentries:\n  - {id: a, type: existence, match: "the {topic} file", note: n, examples: [{in: foo}]}\n')
    expect(error.message).toMatch(/unknown list `\{topic\}`/)
  })

  it('does not load a pack whose example fails', () => {
    const error = loadError(
      'pack: x\ndescription: y\nentries:\n  - id: a\n    type: substitution\n    match: foo\n    replace: bar\n    note: n\n    examples: [{in: a foo, out: a baz}]\n'
    )
    expect(error.message).toBe(`${error.file}:4:5: \`x.a\`: example 1 gives "a bar", not "a baz"`)
  })

  it('does not load a pack whose guardrail is flagged', () => {
    const error = loadError(
      'pack: x\ndescription: y\nentries:\n  - id: a\n    type: substitution\n    match: foo\n    replace: bar\n    note: n\n    examples: [{in: foo, out: bar}]\n    keep: [food and foo fighters]\n'
    )
    expect(error.message).toMatch(/`x.a`: keep "food and foo fighters" is flagged by `x.a` at "foo"/)
  })

  it('refuses `fix: auto` with several replacements', () => {
    const error = loadError(
      'pack: x\ndescription: y\nentries:\n  - {id: a, type: substitution, match: foo, replace: [bar, baz], fix: auto, note: n, examples: [{in: foo, out: bar}]}\n'
    )
    expect(error.message).toMatch(/needs exactly one replacement/)
  })

  it('refuses the same phrase twice, however it is spaced or capitalised', () => {
    const error = loadError(
      [
        'pack: x',
        'description: y',
        'entries:',
        '  - {id: a, type: substitution, swap: {Hell Fire: Hellfire}, note: n, examples: [{in: Hell Fire, out: Hellfire}]}',
        '  - {id: b, type: substitution, swap: {hell-fire: Hellfire}, note: n, examples: [{in: hell-fire, out: Hellfire}]}'
      ].join('\n')
    )
    expect(error.message).toMatch(/:5:\d+: phrase `hell-fire` is already matched by `a`/)
  })

  it('refuses context words that could never match', () => {
    const error = loadError(
      "pack: x\ndescription: y\nentries:\n  - {id: a, type: substitution, match: foo, replace: bar, unless: {previous: [Egypt's]}, note: n, examples: [{in: foo, out: bar}]}\n"
    )
    expect(error.message).toMatch(/`unless.previous` takes single words; `Egypt's` would never match/)
  })

  it('refuses a replacement slot the phrase does not fill', () => {
    const error = loadError(
      "pack: x\ndescription: y\nlists: {sect: [Sunni]}\nentries:\n  - {id: a, type: substitution, match: the component, replace: 'the {sect} community', note: n, examples: [{in: the component, out: x}]}\n"
    )
    expect(error.message).toMatch(/the replacement uses `\{sect\}`, which the phrase `the component` does not have/)
  })

  it('reads the shipped packs', () => {
    const rules = loadRules()
    expect(rules.packs).toEqual(expect.arrayContaining(['artifacts', 'calques', 'terms', 'titles']))
    expect(rules.phrases.size).toBeGreaterThan(10)
  })

  it('locates an entry in its file for messages about it', () => {
    const file = pack('pack: x\ndescription: y\nentries:\n  - {id: a, type: existence, match: foo, note: n, examples: [{in: foo}]}\n')
    expect(readPack(file).locate(['entries', 0, 'match'])).toEqual({file, line: 4, column: 37})
  })
})

describe('phrase matching', () => {
  it('matches space, hyphen and joined variants from one entry', async () => {
    expect(await fix('Covid 19 and Covid19 and Coved-19 cases.')).toBe('COVID-19 and COVID-19 and COVID-19 cases.')
  })

  it('leaves a valid house style alone', async () => {
    const text = 'Covid-19 (BBC) and COVID-19 (AP) are both right.'
    expect(await fix(text)).toBe(text)
  })

  it('keeps a sentence-initial capital on a lower-case replacement', async () => {
    expect(await fix('Liquidated officers were found.')).toBe('Killed officers were found.')
    expect(await fix('They liquidated two officers.')).toBe('They killed two officers.')
  })

  it('respects context guards', async () => {
    const text = 'The court ordered the firm to liquidate its assets.'
    expect(await fix(text)).toBe(text)
  })

  it('does not match across sentence punctuation or a paragraph break', async () => {
    const text = 'It was through the video. Circle back later.\n\nThe security\n\nfile.'
    expect(await fix(text)).toBe(text)
  })

  it('lets the longest phrase win and does not fire inside an accepted longer form', async () => {
    const user = pack(
      [
        'pack: house',
        'description: house style',
        'entries:',
        '  - id: kazemi',
        '    type: substitution',
        '    match: Kazemi',
        '    replace: Kadhimi',
        '    accept: [Ali Kazemi]',
        '    fix: auto',
        '    note: n',
        '    examples: [{in: Prime Minister Kazemi said, out: Prime Minister Kadhimi said}]',
        '    keep: [the writer Ali Kazemi said]'
      ].join('\n')
    )
    expect(await fix('Prime Minister Kazemi met Ali Kazemi.', [user])).toBe('Prime Minister Kadhimi met Ali Kazemi.')
  })

  it('loads a newsroom pack that overrides a default entry by id', async () => {
    const user = pack(
      [
        'pack: calques',
        'description: house overrides',
        'entries:',
        '  - id: video-circle',
        '    type: substitution',
        '    match: through the video circle',
        '    replace: by video link',
        '    fix: auto',
        '    note: House style says video link.',
        '    examples: [{in: met through the video circle, out: met by video link}]'
      ].join('\n')
    )
    expect(await fix('They met through the video circle.', ['default', user])).toBe('They met by video link.')
  })

  it('turns entries and whole packs off by id', async () => {
    const text = 'They met through the video circle to liquidate him.'
    expect((await postedit(text, {fix: true, disable: ['calques.video-circle']})).value).toBe('They met through the video circle to kill him.')
    expect((await postedit(text, {fix: true, disable: ['calques']})).value).toBe(text)
  })
})

describe('punctuation written in a phrase', () => {
  const house = () =>
    pack(
      [
        'pack: punct',
        'description: phrases with punctuation',
        'entries:',
        '  - {id: jj, type: substitution, match: Jonson & Jonson, replace: Johnson & Johnson, fix: auto, note: n, examples: [{in: the Jonson & Jonson vaccine, out: the Johnson & Johnson vaccine}]}',
        '  - {id: opec, type: substitution, match: OPEC +, replace: OPEC+, case: sensitive, fix: auto, note: n, examples: [{in: OPEC + agreed, out: OPEC+ agreed}]}'
      ].join('\n')
    )

  it('matches punctuation between words only where the phrase has it', async () => {
    const packs = [house()]
    expect(await fix('The Jonson & Jonson shot and the Jonson, Jonson firm.', packs)).toBe('The Johnson & Johnson shot and the Jonson, Jonson firm.')
  })

  it('matches a spaced suffix with any white space, and nothing else', async () => {
    const packs = [house()]
    expect(await fix('OPEC\u00A0+ met; OPEC+ agreed; OPEC said.', packs)).toBe('OPEC+ met; OPEC+ agreed; OPEC said.')
  })
})

describe('fuzzy terms', () => {
  const drugs = () =>
    pack(
      [
        'pack: drugs',
        'description: fuzzy drug names',
        'entries:',
        '  - {id: remdesivir, type: substitution, match: Remdesevir, replace: remdesivir, fix: auto, fuzzy: true, note: n, examples: [{in: given Ramdesifir daily, out: given remdesivir daily}]}',
        '  - {id: interferon, type: substitution, match: Enterferon, replace: interferon, fix: auto, fuzzy: true, note: n, examples: [{in: a dose of Enterferon, out: a dose of interferon}]}',
        '  - {id: patriot, type: substitution, match: Patreot, replace: Patriot, fix: auto, fuzzy: true, note: n, examples: [{in: a Patreot battery, out: a Patriot battery}]}'
      ].join('\n')
    )

  it('fixes a garble nobody listed when its letters fold to the term', async () => {
    expect(await fix('Doctors gave Remdecifer and Interferun to the patients.', [drugs()])).toBe('Doctors gave remdesivir and interferon to the patients.')
  })

  it('catches a short term by its letters when its consonants are too few', async () => {
    expect(await fix('Two Batriot batteries were moved.', [drugs()])).toBe('Two Patriot batteries were moved.')
  })

  it('leaves real words, parts of longer tokens and the term itself alone', async () => {
    const text = 'The remdesivir trial, the Remdesivir2 arm and interfering signals.'
    expect(await fix(text, [drugs()])).toBe(text)
  })
})

describe('adaptCase', () => {
  it('keeps proper forms as written mid-sentence', () => {
    expect(adaptCase('al-Kadhimi', 'Al-Kazemi', false)).toBe('al-Kadhimi')
    expect(adaptCase('al-Kadhimi', 'Al-Kazemi', true)).toBe('Al-Kadhimi')
  })

  it('writes a lower-case replacement in capitals for a match in capitals', () => {
    expect(adaptCase('kill', 'LIQUIDATE', false)).toBe('KILL')
  })
})
