import {defineRule} from '../meta.js'
import {wordSet} from '../../infra/vocabulary.js'
import type {Finding} from '../../engine/types.js'
import {isLineEdge, type TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.nbsp',
  description: 'A non-breaking space inside running text.',
  fixable: true,
  severity: 'warning'
})

const RUN = /[ \u00A0]*\u00A0[ \u00A0]*/g
// Words after which a no-break space is a typographer's choice.
const isTitleBefore = (word: string) => wordSet('nbsp-before').has(word)
const ROMAN = /^[IVXLC]+$/
// Symbols a no-break space rightly ties to their neighbour (dashes, %, currency, French marks).
const TIED = /[\p{Pd}\p{Sc}%§¶°&«»:;!?/]/u

/**
 * `typography.nbsp`: a no-break space between ordinary words, which HTML
 * scraping leaves behind (`&nbsp;`): reported with a plain space as the
 * suggestion, not fixed, because it may be deliberate. No-break spaces that
 * typesetting wants (`10 km`, `p. 12`, `Mr Smith`, `World War II`, before
 * a dash or `%`) are not reported. At the end of a line the no-break space
 * is stray whitespace and is removed.
 */
export function checkNbsp(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!source.includes('\u00A0')) return findings
  for (const match of source.matchAll(RUN)) {
    const start = match.index
    const end = start + match[0].length
    const before = source[start - 1]
    const after = source[end]
    if (isLineEdge(after) && !isLineEdge(before)) {
      findings.push({
        ruleId: meta.id,
        reason: 'Unexpected no-break space at the end of a line, expected nothing',
        start,
        end,
        expected: [''],
        fix: {start, end, text: ''}
      })
      continue
    }
    if (isLineEdge(before) || before === '\t' || after === '\t') continue
    if (match[0].length === 1 && isTypographic(source, start)) continue
    findings.push({
      ruleId: meta.id,
      reason: 'Unexpected no-break space, expected a normal space',
      start,
      end,
      expected: [' '],
      note: 'No-break spaces inside running text usually come from copying a web page (`&nbsp;`); keep them only where a line must not break.'
    })
  }
  return findings
}

function isTypographic(source: string, at: number): boolean {
  const previous = /[^\s]*$/.exec(source.slice(Math.max(0, at - 40), at))?.[0] ?? ''
  const next = /^[^\s]*/.exec(source.slice(at + 1, at + 41))?.[0] ?? ''
  if (previous === '' || next === '') return false
  if (/\p{N}$/u.test(previous) || /^\p{N}/u.test(next)) return true
  if (previous.endsWith('.') || /^\p{L}$/u.test(previous)) return true
  if (isTitleBefore(previous.toLowerCase())) return true
  if (ROMAN.test(next.replace(/[.,;:!?)]+$/, ''))) return true
  return TIED.test(previous.at(-1) ?? '') || TIED.test(next[0] ?? '')
}
