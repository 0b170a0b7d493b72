import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'

const RUN = /[\u0660-\u0669\u06F0-\u06F9](?:[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]*[\u0660-\u0669\u06F0-\u06F9])?/g

/** ASCII form of a run of Arabic-Indic or Persian digits with their separators. */
export function asciiDigits(run: string): string {
  let out = ''
  for (const char of run) {
    const code = char.charCodeAt(0)
    if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660)
    else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0)
    else if (char === '\u066B') out += '.'
    else if (char === '\u066C') out += ','
    else out += char
  }
  return out
}

/**
 * `typography.arabic-digits`: Arabic-Indic (٠–٩) and Persian (۰–۹) digits
 * left in English text, one finding per number, fixed to ASCII digits
 * (`٫` becomes the decimal point, `٬` the thousands comma). Digits inside
 * untranslated Arabic are left to that run's message.
 */
export function checkArabicDigits(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!/[\u0660-\u0669\u06F0-\u06F9]/.test(source)) return findings
  for (const match of source.matchAll(RUN)) {
    const start = match.index
    const end = start + match[0].length
    if (context.inForeign(start)) continue
    const text = asciiDigits(match[0])
    findings.push({
      ruleId: 'typography.arabic-digits',
      reason: `Unexpected Arabic-Indic digits \`${match[0]}\`, expected \`${text}\``,
      start,
      end,
      expected: [text],
      fix: {start, end, text}
    })
  }
  return findings
}
