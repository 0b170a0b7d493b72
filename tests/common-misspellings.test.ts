import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/engine/fix.js'
import type {PosteditMessage} from '../src/engine/report.js'
import {listedCorrections, sortedMisspellings} from '../src/spelling/common-misspellings.js'
import retextPosteditSpelling, {type SpellingOptions} from '../src/rules/spelling.js'

/** Spelling messages on `text` (no packs: the shipped ones must not decide these cases). */
function lint(text: string, options: SpellingOptions = {}): PosteditMessage[] {
  const file = new VFile({value: text})
  const processor = unified().use(retextEnglish).use(retextPosteditSpelling, {packs: [], ...options})
  processor.runSync(processor.parse(file), file)
  return file.messages as PosteditMessage[]
}

/** `text` with the fixes of its spelling messages applied. */
function fixed(text: string, options: SpellingOptions = {}): string {
  return applyFixes(text, lint(text, options).flatMap((message) => (message.fix ? [message.fix] : []))).value
}

/** The `spelling.misspelling` messages, as `word: expected (fix)`. */
function misspellings(text: string, options: SpellingOptions = {}): string[] {
  return lint(text, options)
    .filter((message) => message.ruleId === 'spelling.misspelling')
    .map((message) => `${message.actual}: ${(message.expected ?? []).join(', ')}${message.fix ? ` (fix ${message.fix.text})` : ''}`)
}

describe('the list of common misspellings', () => {
  it('reads the package’s entries, one or several corrections each', () => {
    expect(listedCorrections('recieve')).toEqual(['receive'])
    expect(listedCorrections('abandonne')).toEqual(['abandonment', 'abandon'])
    expect(listedCorrections('Britian')).toEqual(['Britain'])
    expect(listedCorrections('receive')).toBeUndefined()
    expect(listedCorrections('zzzzqx')).toBeUndefined()
  })

  it('is sorted by code unit, as its binary search needs', () => {
    const keys = sortedMisspellings('dict-en')
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('->')))
    expect(keys.length).toBeGreaterThan(50_000)
    expect(keys.every((key, index) => index === 0 || keys[index - 1]! < key)).toBe(true)
  })
})

describe('spelling with the list of common misspellings', () => {
  it('fixes a listed slip with one correction', () => {
    // `received` or `relieved` by edit distance alone; the list knows which slip this is.
    expect(misspellings('The ministry recieved the complaint on Monday.')).toEqual(['recieved: received (fix received)'])
    expect(fixed('The ministry recieved the complaint and will acommodate the families.')).toBe('The ministry received the complaint and will accommodate the families.')
  })

  it('offers the corrections of a slip with several, without a fix', () => {
    expect(misspellings('The abandonne of the plan angered farmers.')).toEqual(['abandonne: abandonment, abandon'])
  })

  it('fixes a capitalised slip the list has capitalised, anywhere in the sentence', () => {
    expect(fixed('Exports to Britian rose in March.')).toBe('Exports to Britain rose in March.')
  })

  it('fixes a slip opening a sentence, keeping its capital', () => {
    expect(fixed('Teh harvest was late. Goverment buyers waited.')).toBe('The harvest was late. Government buyers waited.')
  })

  it('leaves a capitalised word that is part of a name alone', () => {
    // Followed by another capitalised word: a name (`Acommodate Holdings`).
    expect(misspellings('Acommodate Holdings said it would hire staff.')).toEqual([])
    // Capitalised mid-sentence elsewhere in the article: a name, also where it opens a sentence.
    expect(fixed('Teh said the harvest was late. Buyers met Teh on Monday.')).toBe('Teh said the harvest was late. Buyers met Teh on Monday.')
    // Mid-sentence, an entry the list writes in lower case is not applied to a capitalised word.
    expect(misspellings('Officials met the Acommodate group on Monday.')).toEqual([])
  })

  it('never overrides the user’s words', () => {
    expect(misspellings('The ministry will acommodate the families.', {words: ['acommodate']})).toEqual([])
  })

  it('leaves speech written as spoken to the usual verdict', () => {
    expect(fixed('He was takin the bus home.')).toBe('He was takin the bus home.')
  })
})

describe('spelling with the list: words the list should not touch', () => {
  it('leaves speech written as spoken with its apostrophe, and words in their own right', () => {
    expect(fixed('“We were examinin’ the damage,” he said.')).toBe('“We were examinin’ the damage,” he said.')
    expect(fixed('The convoy stopped two klicks north of the bridge.')).toBe('The convoy stopped two klicks north of the bridge.')
    expect(fixed('It was a missable chance for the striker.')).toBe('It was a missable chance for the striker.')
  })
})
