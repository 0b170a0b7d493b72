import {ERROR_CLASSES, qualityScore, type QualityScore} from '../engine/quality-score.js'
import type {FileOutcome} from './outcome.js'

/** The quality score of one checked file, over all it reports (whatever `--quiet` hides). */
export function scoreOf(outcome: FileOutcome): QualityScore {
  return qualityScore(outcome.value, outcome.messages)
}

/** Short column heads for the classes of the summary table. */
const HEADS: Readonly<Record<(typeof ERROR_CLASSES)[number], string>> = {
  terms: 'terms',
  calques: 'calques',
  names: 'names',
  artifacts: 'artifacts',
  spelling: 'spelling',
  typography: 'typogr.',
  'needs-human': 'human',
  other: 'other'
}

/**
 * `--summary`: one row per file, worst first, with its score (penalty points
 * per 100 words), words and messages per class, and a total row.
 */
export function formatSummary(outcomes: readonly FileOutcome[]): string {
  const rows = outcomes.map((outcome) => ({name: outcome.path ?? 'stdin', ...scoreOf(outcome)})).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  const header = ['file', 'score', 'words', ...ERROR_CLASSES.map((name) => HEADS[name])]
  const table = rows.map((row) => [row.name, row.score.toFixed(2), String(row.words), ...ERROR_CLASSES.map((name) => String(row.counts[name]))])
  const words = rows.reduce((sum, row) => sum + row.words, 0)
  const mean = words === 0 ? 0 : rows.reduce((sum, row) => sum + row.score * row.words, 0) / words
  table.push([`${rows.length} files`, mean.toFixed(2), String(words), ...ERROR_CLASSES.map((name) => String(rows.reduce((sum, row) => sum + row.counts[name], 0)))])
  const widths = header.map((head, column) => Math.max(head.length, ...table.map((row) => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()
  return [line(header), ...table.slice(0, -1).map(line), line(widths.map((width) => '-'.repeat(width))), line(table.at(-1)!)].join('\n')
}

/** Files whose score is above `maximum` (for `--max-score`). */
export function filesAboveScore(outcomes: readonly FileOutcome[], maximum: number): Array<{name: string; score: number}> {
  return outcomes.map((outcome) => ({name: outcome.path ?? 'stdin', score: scoreOf(outcome).score})).filter((file) => file.score > maximum)
}
