import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {bundledFile} from '../infra/bundled-data.js'

let words: Set<string> | undefined
let common: Set<string> | undefined

/**
 * Whether `word` is an English word of dictionary-en (any case). Loaded on
 * first use only: most texts never ask, since the question is put only to
 * a name-like word whose key matches a place.
 */
export function isEnglishWord(word: string): boolean {
  load()
  return words!.has('*') || words!.has(word.toLowerCase())
}

/** Whether `word` is a common (lower-case) English word: "In", "The", "Money". */
export function isCommonWord(word: string): boolean {
  load()
  return common!.has(word.toLowerCase())
}

function load(): void {
  if (!words) {
    words = new Set()
    common = new Set()
    try {
      const text = bundledFile('dictionary-en/index.dic') ?? readFileSync(join(dirname(createRequire(import.meta.url).resolve('dictionary-en')), 'index.dic'), 'utf8')
      for (const line of text.split('\n').slice(1)) {
        const entry = line.split('/')[0]
        if (!entry) continue
        words.add(entry.toLowerCase())
        if (entry === entry.toLowerCase()) common.add(entry)
      }
    } catch {
      // Without the dictionary no place variant is fixed by key alone.
      words.add('*')
    }
  }
}
