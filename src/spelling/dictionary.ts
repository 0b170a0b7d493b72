import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {RULES_DIRECTORY} from '../packs/load.js'
import {loadWordForms, type WordForms} from './word-forms.js'

let speller: WordForms | undefined
/** Words already handed to nspell's personal dictionary, so each is added once. */
const personal = new Set<string>()
const verdicts = new Map<string, boolean>()
/** Bumped whenever the dictionary learns words: caches keyed on it go stale. */
let generation = 0

/** Words that are good English but missing from `dictionary-en` (loanwords, British irregulars). */
const EXTRA_FILE = join(RULES_DIRECTORY, 'vocabulary', 'english-extra.txt')

/** Lines of a word list: one word a line, `#` starts a comment. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
}

/**
 * The process-wide dictionary: `dictionary-en`'s word forms (see
 * `word-forms.ts`), loaded on first use, plus postedit's extra vocabulary.
 */
export function dictionary(): WordForms {
  if (speller) return speller
  speller = loadWordForms()
  learn(parseWordList(readFileSync(EXTRA_FILE, 'utf8')))
  return speller
}

/**
 * Teach the shared dictionary words that are correct everywhere (rule-pack
 * vocabulary): they go into nspell's personal dictionary, with every part of
 * a hyphenated form, so they are accepted and offered as suggestions.
 */
export function learn(words: Iterable<string>): void {
  const spell = dictionary()
  const fresh: string[] = []
  for (const word of words) {
    for (const form of [word, ...word.split(/[-\u2010\u2011]/)]) {
      const normal = form.replace(/\u2019/g, "'")
      if (normal.length === 0 || personal.has(normal)) continue
      personal.add(normal)
      fresh.push(normal)
    }
  }
  if (fresh.length === 0) return
  spell.add(fresh)
  verdicts.clear()
  generation++
}

/** Whether `dictionary-en` plus learnt words know `word` as written; cached per word. */
export function inDictionary(word: string): boolean {
  let verdict = verdicts.get(word)
  if (verdict === undefined) {
    verdict = dictionary().correct(word)
    verdicts.set(word, verdict)
  }
  return verdict
}

/** Uncached check, for the many throw-away strings of candidate generation. */
export function inDictionaryUncached(word: string): boolean {
  return dictionary().correct(word)
}

/** Changes whenever the dictionary learns words. */
export function dictionaryGeneration(): number {
  return generation
}

/** A word the dictionary knows only capitalised (`Assad`, not `Anal`). */
export function isProperNoun(word: string): boolean {
  const lower = word.toLowerCase()
  return lower !== word && inDictionary(word) && !inDictionary(lower)
}

/** Whether `word` is a word the dictionary knows, as written or in lower case. */
export function isKnownWord(word: string): boolean {
  return inDictionary(word) || inDictionary(word.toLowerCase())
}
