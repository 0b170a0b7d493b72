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

const RUN = /[\p{L}\p{M}\p{N}]+/gu
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
  if (gap.length === 0) return 'joined'
  if (gap.includes('\n') || gap.includes('\r')) return 'break'
  if (HYPHENS.has(gap)) return 'hyphen'
  if (APOSTROPHES.has(gap)) return 'apostrophe'
  if (INLINE_SPACE.test(gap)) return 'space'
  return 'punctuation'
}

/**
 * Cut `text` into atoms. Offsets are shifted by `base`, so a slice of a
 * larger document can be atomised in place.
 */
export function atomize(text: string, base = 0): Atom[] {
  const atoms: Atom[] = []
  let previousEnd = 0
  let first = true
  for (const run of text.matchAll(RUN)) {
    const runStart = run.index
    const gap = text.slice(previousEnd, runStart)
    let joint: Joint = first ? 'start' : jointOf(gap)
    let sentenceStart = first || joint === 'break' || SENTENCE_END.test(gap)
    for (const part of run[0].matchAll(PART)) {
      const start = base + runStart + part.index
      atoms.push({key: keyOf(part[0]), start, end: start + part[0].length, joint, sentenceStart})
      joint = 'joined'
      sentenceStart = false
    }
    previousEnd = runStart + run[0].length
    first = false
  }
  return atoms
}

/** Whether a phrase may continue from one atom to the next across `joint`. */
export function continues(patternJoint: Joint, textJoint: Joint): boolean {
  if (patternJoint === 'apostrophe') return textJoint === 'apostrophe'
  return textJoint === 'space' || textJoint === 'hyphen' || textJoint === 'joined'
}
