import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {bundledFile} from '../infra/bundled-data.js'
import {holdForSnapshot} from '../infra/held.js'
import {WordSet} from '../infra/word-set.js'

let words: WordSet | undefined
let common: WordSet | undefined
/** Set when the dictionary cannot be read: every word counts as English then. */
let everyWord = false

/**
 * Whether `word` is an English word of dictionary-en (any case). Loaded on
 * first use only: most texts never ask, since the question is put only to
 * a name-like word whose key matches a place.
 */
export function isEnglishWord(word: string): boolean {
  load()
  return everyWord || words!.has(word.toLowerCase())
}

/** Whether `word` is a common (lower-case) English word: "In", "The", "Money". */
export function isCommonWord(word: string): boolean {
  load()
  return common!.has(word.toLowerCase())
}

function load(): void {
  if (!words) {
    const all: string[] = []
    const lower: string[] = []
    try {
      const text = bundledFile('dictionary-en/index.dic') ?? readFileSync(join(dirname(createRequire(import.meta.url).resolve('dictionary-en')), 'index.dic'), 'utf8')
      for (const line of text.split('\n').slice(1)) {
        const entry = line.split('/')[0]
        if (!entry) continue
        all.push(entry.toLowerCase())
        if (entry === entry.toLowerCase()) lower.push(entry)
      }
    } catch {
      // Without the dictionary no place variant is fixed by key alone.
      everyWord = true
    }
    words = holdForSnapshot(new WordSet(all))
    common = holdForSnapshot(new WordSet(lower))
  }
}
