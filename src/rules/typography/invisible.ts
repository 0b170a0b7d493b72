import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import {show, type TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.invisible-characters',
  description: 'Bidirectional and zero-width control characters left by right-to-left source text; removed.',
  fixable: true,
  severity: 'warning'
})

const NAMES: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\uFEFF': 'zero-width no-break space (BOM)'
}
/** Characters that change nothing a reader sees (no direction, no order): removed, but only an `info`. */
const UNSEEN = /^[\u200B-\u200D\uFEFF]+$/
const RUN = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/g
const JOINERS_ONLY = /^[\u200C\u200D]+$/
// Joiners are meaningful between emoji (👨‍👩‍👧) and in Persian or Indic words.
const JOINED = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]|(?![\p{Script=Latin}\p{Script=Common}])\p{L}/u

/**
 * `typography.invisible-characters`: bidi controls and zero-width characters
 * that copying from a right-to-left page leaves in English text, removed.
 * A BOM at the very start of the file is kept; joiners inside emoji or
 * non-Latin words, and anything inside untranslated text, are left alone.
 * Bidi controls are warnings (they reorder what a reader sees); zero-width
 * spaces and joiners, invisible and harmless on the page, are `info`.
 */
export function checkInvisible(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(source)) return findings
  for (const match of source.matchAll(RUN)) {
    let start = match.index
    const end = start + match[0].length
    if (start === 0 && source[0] === '\uFEFF') start = 1
    if (start === end || context.inForeign(start)) continue
    const run = source.slice(start, end)
    if (JOINERS_ONLY.test(run) && (JOINED.test(source[start - 1] ?? '') || JOINED.test(String.fromCodePoint(source.codePointAt(end) ?? 32)))) continue
    const what = run.length === 1 ? `invisible ${NAMES[run]} ${show(run)}` : `invisible characters ${show(run)}`
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected ${what}, expected nothing`,
      start,
      end,
      expected: [''],
      fix: {start, end, text: ''},
      ...(UNSEEN.test(run) ? {severity: 'info' as const} : {})
    })
  }
  return findings
}
