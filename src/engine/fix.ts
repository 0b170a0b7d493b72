import type {Fix} from './types.js'

/** What happened when a set of fixes was applied to a text. */
export interface FixOutcome {
  /** The text with the applied fixes. */
  value: string
  /** Fixes that were applied, in text order. */
  applied: Fix[]
  /** Fixes left out because they overlapped one that was applied. */
  skipped: Fix[]
}

/**
 * Order in which fixes compete: earlier start first; at the same start the
 * longer range wins; full ties are broken by the replacement text so that the
 * order in which rules reported them never changes the result.
 */
function compareFixes(a: Fix, b: Fix): number {
  return a.start - b.start || b.end - a.end || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
}

/**
 * Apply fixes by offset to `text`. Overlapping fixes are skipped
 * deterministically (at the same start the longer wins, otherwise the
 * earlier); everything outside an applied fix stays byte-for-byte as it was.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixOutcome {
  const sorted = [...fixes].sort(compareFixes)
  const applied: Fix[] = []
  const skipped: Fix[] = []
  let lastEnd = -1
  let lastInsertAt = -1
  for (const fix of sorted) {
    const valid = fix.start >= 0 && fix.end >= fix.start && fix.end <= text.length
    const isInsert = fix.start === fix.end
    const clashes = fix.start < lastEnd || (isInsert && fix.start === lastInsertAt)
    const noop = text.slice(fix.start, fix.end) === fix.text
    if (!valid || clashes || noop) {
      skipped.push(fix)
      continue
    }
    applied.push(fix)
    lastEnd = fix.end
    lastInsertAt = isInsert ? fix.start : -1
  }
  const parts: string[] = []
  let cursor = 0
  for (const fix of applied) {
    parts.push(text.slice(cursor, fix.start), fix.text)
    cursor = fix.end
  }
  parts.push(text.slice(cursor))
  return {value: parts.join(''), applied, skipped}
}
