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
  const atoms: Atom[] = []
  let previousEnd = 0
  let first = true
  PART.lastIndex = 0
  for (let part = PART.exec(text); part !== null; part = PART.exec(text)) {
    const partStart = part.index
    let joint: Joint
    let sentenceStart: boolean
    if (first) {
      joint = 'start'
      sentenceStart = true
      first = false
    } else if (partStart === previousEnd) {
      joint = 'joined'
      sentenceStart = false
    } else {
      const gap = text.slice(previousEnd, partStart)
      joint = jointOf(gap)
      sentenceStart = joint === 'break' || (joint !== 'space' && SENTENCE_END.test(gap))
    }
    const word = part[0]
    const start = base + partStart
    atoms.push({key: cachedKey(word), start, end: start + word.length, joint, sentenceStart})
    previousEnd = partStart + word.length
  }
  return atoms
}

/** Whether a phrase may continue from one atom to the next across `joint`. */
export function continues(patternJoint: Joint, textJoint: Joint): boolean {
  if (patternJoint === 'apostrophe') return textJoint === 'apostrophe'
  return textJoint === 'space' || textJoint === 'hyphen' || textJoint === 'joined'
}
