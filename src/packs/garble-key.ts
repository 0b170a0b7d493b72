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
  [/ck|q|c(?=[aou]|$|[^aeiouyh])|k|g/g, 'k'],
  [/c/g, 's'], // soft c before e, i, y
  [/z|x/g, 's'],
  [/p/g, 'b'],
  [/v|w/g, 'f'],
  [/[aeiouy]/g, ''],
  [/h/g, '']
]

/** Shortest key that is specific enough to act on: shorter ones collide with real words. */
export const MIN_GARBLE_KEY = 5

/** The garble key of one word (letters only; empty when it has none). */
export const garbleKey = perWordType(computeGarbleKey)

function computeGarbleKey(word: string): string {
  let key = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  for (const [from, to] of FOLDS) key = key.replace(from, to)
  return key.replace(/(.)\1+/g, '$1')
}
