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
