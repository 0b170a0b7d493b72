import {perWordType} from '../engine/word-cache.js'

/**
 * The key of a term's garbles: what is left of a word when the letters that
 * Arabic script makes machine translation confuse are folded together and
 * the vowels, which Arabic mostly does not write, are dropped. `Remdecifer`,
 * `Remdesfir` and `remdesivir` share one; `tosilizomap` and `tocilizumab`
 * another.
 */
const FOLDS: Array<[RegExp, string]> = [
  [/ph|pf/g, 'f'],
  [/th/g, 't'],
  // x is k + s: Arabic writes كس (amoksisillin, deksamethazone).
  [/x/g, 'ks'],
  // g comes back as j (ج) or gh (غ), and both as g: Jilead, Ghilead.
  [/ck|q|c(?=[aou]|$|[^aeiouyh])|k|g|j/g, 'k'],
  [/c/g, 's'], // soft c before e, i, y
  [/z/g, 's'],
  [/p/g, 'b'],
  [/v|w/g, 'f'],
  [/[aeiouy]/g, ''],
  [/h/g, '']
]

// The same confusions with the vowels kept: for short terms, whose consonants
// alone are too few to single them out (Batriot: Patriot, Aramko: Aramco).
const LETTER_FOLDS: Array<[RegExp, string]> = [
  [/ph|pf/g, 'f'],
  [/ck|q|c(?=[aou]|$|[^aeiouyh])|k/g, 'k'],
  [/c/g, 's'],
  [/p/g, 'b'],
  [/v/g, 'f']
]

/** Shortest key that is specific enough to act on: shorter ones collide with real words. */
export const MIN_GARBLE_KEY = 5

const fold = (letters: string, folds: Array<[RegExp, string]>) => {
  let key = letters
  for (const [from, to] of folds) key = key.replace(from, to)
  return key.replace(/(.)\1+/g, '$1')
}

/**
 * The garble keys of one word, those long enough to act on: its consonant
 * key, and its letters with the confused consonants folded (marked `=`).
 * Two words share a key when one can be the other garbled.
 */
export const garbleKeys = perWordType((word: string): string[] => {
  const letters = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  const keys: string[] = []
  const consonants = fold(letters, FOLDS)
  if (consonants.length >= MIN_GARBLE_KEY) keys.push(consonants)
  const folded = fold(letters, LETTER_FOLDS)
  if (folded.length >= MIN_GARBLE_KEY) keys.push(`=${folded}`)
  return keys
})

/** Arabic proclitics machine translation leaves on a name it spells back: the article, and بـ لـ و فـ كـ. */
const PROCLITIC = /^(?:al|el|b|l|w|f|k)(?=[a-z]{6})/

/**
 * The word with an Arabic proclitic taken off, when it has one: MT spells
 * بلوبينافير ("with lopinavir") back as one word, `Blobenavir`. Empty when
 * the word starts otherwise.
 */
export function withoutProclitic(word: string): string {
  const lower = word.toLowerCase()
  const match = PROCLITIC.exec(lower)
  return match ? lower.slice(match[0].length) : ''
}

/** The class of a word's first letter: Arabic keeps a name's first consonant, up to the pairs it confuses. */
const onset = (word: string): string => {
  const first = word.normalize('NFD').charAt(0).toLowerCase()
  if (/[aeiouy]/.test(first)) return 'vowel'
  return ({p: 'b', v: 'f', w: 'f', c: 'k', q: 'k', g: 'k', j: 'k', z: 's', x: 'k'} as Record<string, string>)[first] ?? first
}

/**
 * Whether two words begin alike as Arabic script hears them: the same first
 * consonant up to p/b, v/f, c/k/q, g/j and s/z, or both a vowel. The key
 * drops h and vowels, so without this `myoglobin` would be a garble of
 * `hemoglobin`.
 */
export function sameOnset(word: string, term: string): boolean {
  return onset(word) === onset(term)
}
