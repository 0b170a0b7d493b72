/** A capital letter, read where a word starts. */
const CAPITAL = /\p{Lu}/uy

/**
 * Whether a capital letter (`\p{Lu}`) stands at `offset` of `text`: what
 * `/^\p{Lu}/u.test(text.slice(offset, end))` answers for a word starting
 * there, without the slice (rules ask it of every word), and ASCII without
 * the expression.
 */
export function isCapitalAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset)
  if (code < 128) return code >= 65 && code <= 90
  CAPITAL.lastIndex = offset
  return CAPITAL.test(text)
}

const CAPITAL_AND_LETTERS = /^\p{Lu}\p{L}+$/u

/**
 * Whether `word` is a capital and one letter or more
 * ({@link CAPITAL_AND_LETTERS}): ASCII read without the expression (rules
 * ask it of every capitalised word), anything else by the expression.
 */
export function isCapitalisedWord(word: string): boolean {
  const first = word.charCodeAt(0)
  if (first < 128 && word.length >= 2) {
    if (first < 65 || first > 90) return false
    let at = 1
    for (; at < word.length; at++) {
      const code = word.charCodeAt(at)
      if (code >= 128) break
      if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) return false
    }
    if (at === word.length) return true
  }
  return CAPITAL_AND_LETTERS.test(word)
}
