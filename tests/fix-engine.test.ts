import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/engine/fix.js'
import type {Fix} from '../src/engine/types.js'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {postedit} from '../src/postedit.js'
import {compilePacks} from '../src/packs/compile.js'
import {readPack} from '../src/packs/load.js'

describe('applyFixes', () => {
  it('applies fixes by offset and leaves the rest as it was', () => {
    const text = 'one two three'
    const result = applyFixes(text, [
      {start: 8, end: 13, text: '3'},
      {start: 0, end: 3, text: '1'}
    ])
    expect(result.value).toBe('1 two 3')
    expect(result.skipped).toEqual([])
  })

  it('lets the longer fix win at the same start and skips the shorter', () => {
    const text = 'the the end'
    const long = {start: 0, end: 7, text: 'the'}
    const short = {start: 0, end: 3, text: 'a'}
    const result = applyFixes(text, [short, long])
    expect(result.value).toBe('the end')
    expect(result.skipped).toEqual([short])
  })

  it('lets the earlier fix win when two overlap at different starts', () => {
    const result = applyFixes('abcdef', [
      {start: 2, end: 5, text: 'X'},
      {start: 0, end: 3, text: 'Y'}
    ])
    expect(result.value).toBe('Ydef')
  })

  it('applies one of two insertions at the same point', () => {
    const result = applyFixes('ab', [
      {start: 1, end: 1, text: 'y'},
      {start: 1, end: 1, text: 'x'}
    ])
    expect(result.value).toBe('axb')
  })

  it('keeps CRLF, a BOM, non-breaking spaces and curly quotes outside fixes', () => {
    const text = '\uFEFF“Quote”\r\nA\u00A0line with Coved 19.\r\n'
    const start = text.indexOf('Coved 19')
    const result = applyFixes(text, [{start, end: start + 8, text: 'COVID-19'}])
    expect(result.value).toBe('\uFEFF“Quote”\r\nA\u00A0line with COVID-19.\r\n')
  })
})

/** Random text over an alphabet that includes what must survive untouched. */
const text = fc.string({unit: fc.constantFrom('a', 'b', ' ', '\r', '\n', '\u00A0', '\uFEFF', '“', '”', '’', 'é'), maxLength: 40})

const fixesFor = (value: string) =>
  fc.array(
    fc
      .tuple(fc.nat({max: value.length}), fc.nat({max: value.length}), fc.string({maxLength: 3}))
      .map(([a, b, replacement]): Fix => ({start: Math.min(a, b), end: Math.max(a, b), text: replacement})),
    {maxLength: 6}
  )

describe('applyFixes properties', () => {
  it('gives the same result whatever order the fixes arrive in', () => {
    fc.assert(
      fc.property(
        text.chain((value) => fc.tuple(fc.constant(value), fixesFor(value))).chain(([value, fixes]) =>
          fc.tuple(fc.constant(value), fc.constant(fixes), fc.shuffledSubarray(fixes, {minLength: fixes.length, maxLength: fixes.length}))
        ),
        ([value, fixes, shuffled]) => {
          expect(applyFixes(value, shuffled).value).toBe(applyFixes(value, fixes).value)
        }
      )
    )
  })

  it('never changes a character outside an applied fix', () => {
    fc.assert(
      fc.property(
        text.chain((value) => fc.tuple(fc.constant(value), fixesFor(value))),
        ([value, fixes]) => {
          const {value: result, applied} = applyFixes(value, fixes)
          // Rebuild the output from the untouched gaps and the applied texts.
          let cursor = 0
          let rebuilt = ''
          for (const fix of applied) {
            expect(fix.start).toBeGreaterThanOrEqual(cursor)
            rebuilt += value.slice(cursor, fix.start) + fix.text
            cursor = fix.end
          }
          rebuilt += value.slice(cursor)
          expect(result).toBe(rebuilt)
        }
      )
    )
  })

  it('applies no two overlapping fixes', () => {
    fc.assert(
      fc.property(
        text.chain((value) => fc.tuple(fc.constant(value), fixesFor(value))),
        ([value, fixes]) => {
          const {applied} = applyFixes(value, fixes)
          for (let index = 1; index < applied.length; index++) {
            expect(applied[index]!.start).toBeGreaterThanOrEqual(applied[index - 1]!.end)
          }
        }
      )
    )
  })
})

describe('postedit fix loop', () => {
  const sentences = [
    'The talks took place through the video circle.',
    'Talks on the nuclear file resumed after the Corona crisis.',
    'In Alhurra \n\nThe militia proceeded to liquidate the commander. Source',
    'Clean text stays as it is.\r\n',
    '\uFEFFCoved 19 cases rose\u00A0sharply.\r\n'
  ]

  it('is idempotent: fixing twice equals fixing once', async () => {
    for (const sentence of sentences) {
      const once = (await postedit(sentence, {fix: true})).value
      const twice = (await postedit(once, {fix: true})).value
      expect(twice).toBe(once)
    }
  })

  it('reports what remains, not what it fixed', async () => {
    const result = await postedit('The talks took place through the video circle.', {fix: true})
    expect(result.value).toBe('The talks took place via videoconference.')
    expect(result.messages.filter((message) => message.ruleId === 'calques.video-circle')).toEqual([])
    expect(result.applied.map((message) => message.ruleId)).toContain('calques.video-circle')
  })

  it('leaves the input unchanged with fixing off', async () => {
    const input = 'The talks took place through the video circle.'
    const result = await postedit(input)
    expect(result.value).toBe(input)
    expect(result.messages.map((message) => message.ruleId)).toContain('calques.video-circle')
  })

  it('stops when fixes cycle instead of flipping back and forth', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'postedit-cycle-')), 'cycle.yml')
    const entry = (id: string, from: string, to: string) =>
      `  - {id: ${id}, type: substitution, match: ${from}, replace: ${to}, fix: auto, note: n, examples: [{in: ${from}, out: ${to}}]}`
    writeFileSync(file, ['pack: cycle', 'description: two entries that undo each other', 'entries:', entry('a', 'alpha', 'beta'), entry('b', 'beta', 'alpha')].join('\n'))
    // Such a pack no longer loads (see engine-safety.test.ts); compiled
    // without its checks, the fix loop still stops instead of flipping.
    await expect(postedit('Say alpha.', {fix: true, packs: [file]})).rejects.toThrow(/cycle\.yml:4:5: `cycle\.a`: its fix is not stable/)
    const rules = compilePacks([readPack(file)])
    const result = await postedit('Say alpha.', {fix: true, rules})
    expect(result.value).toBe('Say beta.')
    expect(result.messages.map((message) => message.ruleId)).toEqual(['cycle.b'])
  })
})
