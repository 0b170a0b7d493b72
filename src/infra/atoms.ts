/**
 * Words as the phrase matcher sees them.
 *
 * Text is cut into atoms: runs of letters or of digits. What stands between
 * two atoms decides whether a phrase may continue across it: a space, a
 * hyphen or nothing at all ("Covid19") are interchangeable, so one entry
 * matches "Covid 19", "Covid-19" and "Covid19"; an apostrophe only matches an
 * apostrophe (curly or straight alike); any other punctuation or a line break
 * ends a phrase.
 */

/** How an atom is joined to the one before it. */
export type Joint = 'start' | 'space' | 'hyphen' | 'joined' | 'apostrophe' | 'break' | 'punctuation'

/** One run of letters or digits in a text. */
export interface Atom {
  /** Lower-cased, NFC form used for lookups. */
  key: string
  /**
   * The atom as written: the text from `start` to `end`. Rules read it
   * instead of slicing the text again; it is the tree's word string when the
   * atom is a whole word, so lookups by it find its hash already computed.
   */
  text: string
  /** Offset of the first character. */
  start: number
  /** Offset after the last character. */
  end: number
  /** What joins this atom to the previous one. */
  joint: Joint
  /** True when the atom begins a sentence or a line. */
  sentenceStart: boolean
}

const PART = /\p{N}+|[\p{L}\p{M}]+/gu
const HYPHENS = new Set(['-', '\u2010', '\u2011'])
const APOSTROPHES = new Set(["'", '\u2019', '\u02BC', '\u2018', '`', '\u00B4'])
const INLINE_SPACE = /^[\t \u00A0\u2000-\u200A\u202F\u205F\u3000\uFEFF\u200B-\u200F]+$/
// A full stop (or ! ? … ؟) followed, after any closing marks, by white space.
const SENTENCE_END = /[.!?\u061F\u2026]\S*\s/

/** Lookup form of a word: lower case, composed. */
export function keyOf(word: string): string {
  return word.normalize('NFC').toLowerCase()
}

function jointOf(gap: string): Joint {
  if (gap === ' ') return 'space'
  if (gap.length === 0) return 'joined'
  if (gap.includes('\n') || gap.includes('\r')) return 'break'
  if (HYPHENS.has(gap)) return 'hyphen'
  if (APOSTROPHES.has(gap)) return 'apostrophe'
  if (INLINE_SPACE.test(gap)) return 'space'
  return 'punctuation'
}

/** Lookup keys of the words seen, per word: lower-casing and composing each occurrence again costs more than a map. */
const keys = new Map<string, string>()
const MAX_KEYS = 100_000

function cachedKey(word: string): string {
  let key = keys.get(word)
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = keyOf(word)
    keys.set(word, key)
  }
  return key
}

/**
 * Cut `text` into atoms. Offsets are shifted by `base`, so a slice of a
 * larger document can be atomised in place.
 *
 * One pass over the parts (runs of digits or of letters): a part right after
 * the previous one, with nothing between, continues its run (`Covid19`).
 */
export function atomize(text: string, base = 0): Atom[] {
  return atomsOf(text, 0, text.length, base)
}

/**
 * The text from `start` to `end` of the source being atomised when the
 * caller already holds it as a string (a word of the parsed tree), else
 * undefined. Asked in increasing order of offsets.
 */
export type HeldText = (start: number, end: number) => string | undefined

/**
 * {@link atomize} of `source` from `start` to `end`, offsets in `source`:
 * the same atoms as atomising that slice, without copying it. With `into`,
 * the atoms are appended to that array (one list for many paragraphs, no
 * list per paragraph to copy from) and it is returned. With `held`, an atom
 * that is a string the caller holds is looked up by that string, not by a
 * new copy of it.
 */
export function atomizeRange(source: string, start: number, end: number, into: Atom[] = [], held?: HeldText): Atom[] {
  return atomsOf(source, start, end, 0, into, held)
}

const DIGIT_AT = /\p{N}/uy
const LETTER_AT = /[\p{L}\p{M}]/uy
const OTHER = 0
const DIGIT = 1
const LETTER = 2

/** What the code point at `at` is for {@link PART}: a digit, a letter or mark, or neither (ASCII without expressions). */
function kindAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 128) return code >= 48 && code <= 57 ? DIGIT : (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? LETTER : OTHER
  DIGIT_AT.lastIndex = at
  if (DIGIT_AT.test(text)) return DIGIT
  LETTER_AT.lastIndex = at
  return LETTER_AT.test(text) ? LETTER : OTHER
}

/** Whether a code unit is a lower-case ASCII letter or an ASCII digit: {@link keyOf} leaves a run of these as it is. */
const isOwnKey = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57)

/** UTF-16 units of the code point at `at`, reading no further than `end`. */
function widthAt(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at)
  return code >= 0xd800 && code <= 0xdbff && at + 1 < end && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1
}

/**
 * The parts of {@link PART} in `text` from `from` to `to`, scanned by hand
 * (a match array per part is most of what atomising costs), offsets shifted
 * by `shift`.
 */
function atomsOf(text: string, from: number, to: number, shift: number, atoms: Atom[] = [], held?: HeldText): Atom[] {
  let previousEnd = from
  let first = true
  // A lone surrogate at the end of a slice is a code point of its own there.
  const limit = to
  let at = from
  while (at < limit) {
    const kind = kindAt(text, at)
    if (kind === OTHER) {
      at += widthAt(text, at, limit)
      continue
    }
    const partStart = at
    // Lower-case ASCII letters or digits throughout: the part is its own key, and no lookup is needed.
    let ownKey = isOwnKey(text.charCodeAt(at))
    at += widthAt(text, at, limit)
    while (at < limit && kindAt(text, at) === kind) {
      if (ownKey && !isOwnKey(text.charCodeAt(at))) ownKey = false
      at += widthAt(text, at, limit)
    }
    let joint: Joint
    let sentenceStart: boolean
    if (first) {
      joint = 'start'
      sentenceStart = true
      first = false
    } else if (partStart === previousEnd) {
      joint = 'joined'
      sentenceStart = false
    } else if (partStart === previousEnd + 1 && text.charCodeAt(previousEnd) === 32) {
      // One plain space, by far the commonest gap.
      joint = 'space'
      sentenceStart = false
    } else {
      const gap = text.slice(previousEnd, partStart)
      joint = jointOf(gap)
      sentenceStart = joint === 'break' || (joint !== 'space' && SENTENCE_END.test(gap))
    }
    const word = held?.(partStart, at) ?? text.slice(partStart, at)
    const start = shift + partStart
    atoms.push({key: ownKey ? word : cachedKey(word), text: word, start, end: start + word.length, joint, sentenceStart})
    previousEnd = at
  }
  return atoms
}

/** Whether a phrase may continue from one atom to the next across `joint`. */
export function continues(patternJoint: Joint, textJoint: Joint): boolean {
  if (patternJoint === 'apostrophe') return textJoint === 'apostrophe'
  return textJoint === 'space' || textJoint === 'hyphen' || textJoint === 'joined'
}
