import type {Severity} from './types.js'

/** The classes of error a score counts, one per rule family. */
export const ERROR_CLASSES = ['terms', 'calques', 'names', 'artifacts', 'spelling', 'typography', 'needs-human', 'other'] as const
export type ErrorClass = (typeof ERROR_CLASSES)[number]

/**
 * Penalty points of one warning in each class, in the spirit of MQM (minor
 * 1, major 5): a wrong term and a sentence that must be rewritten change
 * what the reader understands (major); a calque reads wrongly but is
 * understood; a name in a variant transliteration still names the person;
 * boilerplate, spelling and typography are minor; a house pack's entry
 * (`other`) counts as a calque.
 */
export const CLASS_WEIGHTS: Readonly<Record<ErrorClass, number>> = {
  terms: 5,
  names: 2,
  'needs-human': 5,
  calques: 3,
  artifacts: 1,
  spelling: 1,
  typography: 1,
  other: 3
}

/** What a severity multiplies the class weight by: an info notice is a hint, not an error. */
export const SEVERITY_FACTORS: Readonly<Record<Severity, number>> = {error: 2, warning: 1, info: 0.2}

/** Rule id families and the class each belongs to. */
const FAMILY_CLASS: Readonly<Record<string, ErrorClass>> = {
  terms: 'terms',
  orgs: 'terms',
  titles: 'terms',
  calques: 'calques',
  names: 'names',
  artifacts: 'artifacts',
  spelling: 'spelling',
  typography: 'typography',
  'needs-human': 'needs-human'
}

/** The class of a rule id: its family (`calques.file` → `calques`), `other` when unknown. */
export function errorClassOf(ruleId: string): ErrorClass {
  return FAMILY_CLASS[ruleId.split('.')[0] ?? ''] ?? 'other'
}

/** A message as the score reads it. */
export interface ScoredMessage {
  ruleId: string
  severity: Severity
}

/** An article's quality: penalty points per 100 words, with the counts behind them. */
export interface QualityScore {
  /** Penalty points per 100 words: 0 for a clean article, higher is worse. */
  score: number
  /** Words in the article. */
  words: number
  /** Messages per class (every class listed, 0 when none). */
  counts: Record<ErrorClass, number>
}

const WORD = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/** Words in `text`, as the score divides by them. */
export function countWords(text: string): number {
  let count = 0
  for (const _ of text.matchAll(WORD)) count++
  return count
}

/**
 * The MQM-like quality score of an article from its messages: the sum of
 * class weight × severity factor over the messages, per 100 words of
 * `text`, rounded to two decimals.
 *
 * ```js
 * qualityScore('Talks resumed on the nuclear file.', [{ruleId: 'calques.file', severity: 'warning'}])
 * // {score: 50, words: 6, counts: {calques: 1, …}}
 * ```
 */
export function qualityScore(text: string, messages: readonly ScoredMessage[]): QualityScore {
  const counts = Object.fromEntries(ERROR_CLASSES.map((name) => [name, 0])) as Record<ErrorClass, number>
  let points = 0
  for (const message of messages) {
    const errorClass = errorClassOf(message.ruleId)
    counts[errorClass]++
    points += CLASS_WEIGHTS[errorClass] * SEVERITY_FACTORS[message.severity]
  }
  const words = countWords(text)
  const score = words === 0 ? 0 : Math.round((points * 100 * 100) / words) / 100
  return {score, words, counts}
}
