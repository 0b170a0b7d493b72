import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.double-space',
  description: 'Two or more spaces inside a sentence; reduced to one.',
  fixable: true,
  severity: 'info'
})

const RUN = / {2,}/g
// Marks whose own rule removes the space next to them.
const HANDLED_AFTER = /[,.;:!?)\u2026\u201D]/
const HANDLED_BEFORE = /[(\u201C]/
const SENTENCE_END = /[.!?\u2026]["'\u2019\u201D)\]]*$/

/**
 * `typography.double-space`: two or more spaces between words, fixed to one
 * (`info`: a web page shows them as one, so the reader never sees them).
 * Not reported: indentation, spaces next to tabs or on lines laid out in
 * columns, and spaces the space-before-punctuation rule removes. Two spaces
 * after a full stop, an old typing convention, get an `info` message without
 * a fix.
 */
export function checkDoubleSpace(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  for (const match of source.matchAll(RUN)) {
    const start = match.index
    const end = start + match[0].length
    const before = source[start - 1]
    const after = source[end]
    if (before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after)) continue
    if (HANDLED_AFTER.test(after) || HANDLED_BEFORE.test(before)) continue
    const line = lineAround(source, start)
    if (line.includes('\t') || (line.match(/ {3,}/g)?.length ?? 0) > 1) continue
    const afterSentence = SENTENCE_END.test(source.slice(Math.max(0, start - 4), start)) && /[\p{Lu}\p{N}"'\u201C\u2018(]/u.test(after)
    if (afterSentence) {
      findings.push({
        ruleId: meta.id,
        reason: 'Unexpected two spaces after a sentence, expected one',
        start,
        end,
        expected: [' '],
        severity: 'info'
      })
      continue
    }
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected ${match[0].length} spaces between words, expected one`,
      start,
      end,
      expected: [' '],
      severity: 'info',
      fix: {start: start + 1, end, text: ''}
    })
  }
  return findings
}

function lineAround(source: string, at: number): string {
  const start = source.lastIndexOf('\n', at) + 1
  const end = source.indexOf('\n', at)
  return source.slice(start, end === -1 ? undefined : end)
}
