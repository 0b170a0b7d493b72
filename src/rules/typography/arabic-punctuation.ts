import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import {isLineEdge, type TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.arabic-punctuation',
  description: 'Arabic comma, semicolon, question mark or tatweel in English text; fixed to English punctuation.',
  fixable: true,
  severity: 'warning'
})

const MARKS: Record<string, {text: string; name: string}> = {
  '\u060C': {text: ',', name: 'Arabic comma'},
  '\u061B': {text: ';', name: 'Arabic semicolon'},
  '\u061F': {text: '?', name: 'Arabic question mark'},
  '\u066A': {text: '%', name: 'Arabic percent sign'},
  '\u06D4': {text: '.', name: 'Arabic full stop'},
  '\u0640': {text: '', name: 'tatweel (kashida)'}
}
const MARK = /[\u060C\u061B\u061F\u066A\u06D4\u0640]/g
const LETTER = /[\p{L}\p{N}]/u

/**
 * `typography.arabic-punctuation`: Arabic punctuation in English text, fixed
 * to its English mark. Arabic typing often sets the mark off with spaces
 * (`word ، word`) or glues the next word to it (`word،word`); the fix gives
 * what an English reader expects (`word, word`). Tatweel (the stretching
 * stroke) is removed. Marks inside untranslated Arabic are left alone.
 */
export function checkArabicPunctuation(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!/[\u060C\u061B\u061F\u066A\u06D4\u0640]/.test(source)) return findings
  for (const match of source.matchAll(MARK)) {
    const at = match.index
    if (context.inForeign(at)) continue
    const mark = MARKS[match[0]]!
    let start = at
    let text = mark.text
    if (text !== '') {
      // Spaces before the mark go with it, unless they indent a line.
      let before = at
      while (source[before - 1] === ' ') before--
      if (before < at && !isLineEdge(source[before - 1])) start = before
      if (text !== '%' && LETTER.test(source[at + 1] ?? '')) text += ' '
    }
    const end = at + 1
    findings.push({
      ruleId: meta.id,
      reason: text === '' ? `Unexpected ${mark.name}, expected nothing` : `Unexpected ${mark.name} \`${match[0]}\`, expected \`${mark.text}\``,
      start,
      end,
      actual: source.slice(start, end),
      expected: [text],
      fix: {start, end, text}
    })
  }
  return findings
}
