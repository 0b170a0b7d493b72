import {perWordType} from '../engine/word-cache.js'
import type {WordSpan} from '../engine/text-index.js'
import {LINK_MARKS, matchesAroundMarks} from '../infra/marked-matches.js'

/** A piece of a word node that spelling checks: the whole word, or one part of a compound. */
export interface WordPart {
  /** The part, apostrophes straightened, possessive ending removed. */
  value: string
  start: number
  end: number
  /** The first part of the word node. */
  first: boolean
}

/** One-word forms spelling never judges: numbers, codes, domains, addresses, abbreviations. */
const NOT_A_WORD = /[\p{N}@/\\._:=+#&*]/u
/** Letters of another script: a separate rule flags untranslated text. */
const FOREIGN_LETTER = /(?![\p{Script=Latin}])\p{L}/u
/** URLs and e-mail addresses, whose pieces the parser may split into several words. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'\u201C\u201D]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu

/** Offsets of links in `source`, sorted. */
export function linkRanges(source: string): Array<[number, number]> {
  return matchesAroundMarks(source, LINK, LINK_MARKS)
}

/**
 * The parts of `word` to check, or none when spelling has no say: a word
 * with digits or symbols, in a foreign script, or an abbreviation in
 * capitals. A possessive is checked by its stem (`Iraq's`, `Iraq’s`), a
 * compound by its parts.
 */
export function partsOf(word: WordSpan): WordPart[] {
  const relative = relativePartsOf(word.value)
  if (relative.length === 0) return []
  const {start} = word
  return relative.map((part) => ({value: part.value, start: start + part.start, end: start + part.end, first: part.first}))
}

/**
 * {@link partsOf} at offset 0, cached per word type: a text repeats its
 * words. Shared between calls: never change what it returns.
 */
export const relativePartsOf: (value: string) => readonly WordPart[] = perWordType((value: string): readonly WordPart[] => {
  if (NOT_A_WORD.test(value) || FOREIGN_LETTER.test(value)) return []
  let text = value.replace(/\u2019/g, "'")
  // Possessive `'s` and the plural possessive's apostrophe.
  text = text.replace(/'s$/i, '').replace(/'$/, '')
  const parts: WordPart[] = []
  const pieces = text.split(/([-\u2010\u2011])/)
  let offset = 0
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!
    if (index % 2 === 0 && piece.length > 0) {
      const trimmed = piece.replace(/^'+/, '')
      const lead = piece.length - trimmed.length
      const part = trimmed.replace(/'+$/, '')
      if (part.length > 0) parts.push({value: part, start: offset + lead, end: offset + lead + part.length, first: parts.length === 0})
    }
    offset += piece.length
  }
  return parts
})

/** ASCII codes of the lower-case letters a-z. */
const isAsciiLowerCode = (code: number) => code >= 97 && code <= 122

/** An abbreviation or acronym written in capitals (`UN`, `OPEC`, `NATO`). */
export const isAllCaps = (word: string): boolean => {
  if (word.length < 2) return false
  // Asked of every word: ASCII is answered without building the upper-case copy.
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 128) return word === word.toUpperCase()
    if (isAsciiLowerCode(code)) return false
  }
  return true
}

/** Any capital letter in the word: a name or a word capitalised in a title. */
export const hasCapital = (word: string): boolean => {
  // Asked of every word: ASCII is answered without building the lower-case copy.
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 128) return word !== word.toLowerCase()
    if (code >= 65 && code <= 90) return true
  }
  return false
}

const OPENERS = new Set(['"', "'", '\u201C', '\u2018', '(', '[', '\u00AB'])
const ENDERS = new Set(['.', '!', '?', '\u2026', ':', '\n', '\r'])

/** Whether the word at `start` opens a sentence (or a line): capitalised there for grammar, not as a name. */
export function opensSentence(source: string, start: number): boolean {
  let at = start - 1
  while (at >= 0 && (source[at] === ' ' || source[at] === '\t' || source[at] === '\u00A0' || OPENERS.has(source[at]!))) at--
  return at < 0 || ENDERS.has(source[at]!)
}
