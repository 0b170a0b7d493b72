import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.doubled-full-stop',
  description: 'Two full stops where one is meant; fixed.',
  fixable: true,
  severity: 'warning'
})

// Exactly two full stops: three or more are an ellipsis.
const PAIR = /(?<!\.)\.\.(?!\.)/g
const AFTER_WORD = /[\p{L}\p{N}"'\u2019\u201D)\]%]/u
const THEN = /^(?:$|[\s"'\u2019\u201D)\]])/

/**
 * `typography.doubled-full-stop`: `..` after a word (`water..`), fixed to
 * one full stop. An ellipsis (`...`, `…`), a range or path (`1..10`,
 * `../`) is not this.
 */
export function checkDoubledFullStop(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!source.includes('..')) return findings
  for (const match of source.matchAll(PAIR)) {
    const start = match.index
    if (!AFTER_WORD.test(source[start - 1] ?? '') || !THEN.test(source.slice(start + 2, start + 3))) continue
    findings.push({
      ruleId: meta.id,
      reason: 'Unexpected `..`, expected `.`',
      start,
      end: start + 2,
      expected: ['.'],
      fix: {start: start + 1, end: start + 2, text: ''}
    })
  }
  return findings
}
