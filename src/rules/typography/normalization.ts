import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.unicode-normalization',
  description: 'Decomposed Unicode (a letter followed by a combining mark); fixed to NFC.',
  fixable: true,
  severity: 'warning'
})

const CLUSTER = /\P{M}\p{M}+/gu

/**
 * `typography.unicode-normalization`: a letter followed by a combining mark
 * that has a precomposed form (`e` + U+0301 instead of `é`), as text pasted
 * from some PDFs and Mac file names carries. Each such cluster is fixed to
 * its NFC form; the rest of the text is not touched.
 */
export function checkNormalization(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (source.normalize('NFC') === source) return findings
  for (const match of source.matchAll(CLUSTER)) {
    const composed = match[0].normalize('NFC')
    if (composed === match[0]) continue
    const start = match.index
    const end = start + match[0].length
    if (context.inForeign(start)) continue
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected decomposed \`${match[0]}\` (letter and combining mark), expected the composed \`${composed}\``,
      start,
      end,
      expected: [composed],
      fix: {start, end, text: composed}
    })
  }
  return findings
}
