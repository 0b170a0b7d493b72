import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.arabic-digits',
  description: 'Arabic-Indic or Persian digits in English text; fixed to ASCII digits.',
  fixable: true,
  severity: 'warning'
})

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

/** Arabic number words that scale the number before them, by their English value. */
const SCALES: ReadonlyArray<[RegExp, 'thousand' | 'million' | 'billion' | 'trillion']> = [
  [/^(?:ألف|الف|آلاف|الاف|ألاف|ألفا|الفا)$/u, 'thousand'],
  [/^(?:مليون|ملايين|مليونا)$/u, 'million'],
  [/^(?:مليار|مليارات|مليارا|بليون)$/u, 'billion'],
  [/^(?:تريليون|تريليونات)$/u, 'trillion']
]
/** A space (or none) and an Arabic word right after a number. */
const NEXT_WORD = /^[ \u00A0]?([\u0621-\u064A\u0671-\u06D3]+)/u

/** The scale of the Arabic number word right after `end`, with where that word ends. */
export function scaleAfter(source: string, end: number): {scale: (typeof SCALES)[number][1]; end: number} | undefined {
  const match = NEXT_WORD.exec(source.slice(end, end + 16))
  if (!match) return undefined
  const word = match[1]!
  const scale = SCALES.find(([pattern]) => pattern.test(word))?.[1]
  return scale ? {scale, end: end + match[0].length} : undefined
}

/**
 * An editor's form of a number and the Arabic scale word after it: `5,000`
 * for thousands (as English writes them), `3 million`, `2.5 billion`; none
 * when thousands would need a fraction of a unit (`2.5555 ألف`).
 */
export function scaledNumber(digits: string, scale: string): string | undefined {
  if (scale !== 'thousand') return `${digits} ${scale}`
  const plain = digits.replace(/,/g, '')
  if (!/^\d+(?:\.\d{1,3})?$/.test(plain)) return undefined
  const [whole, fraction = ''] = plain.split('.')
  const units = BigInt(whole! + fraction.padEnd(3, '0'))
  return units.toLocaleString('en-US')
}

/** Spans of Arabic scale words that follow Arabic-Indic digits: read with the number, not as untranslated text. */
export function scaleWordSpans(source: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  if (!/[\u0660-\u0669\u06F0-\u06F9]/.test(source)) return spans
  for (const match of source.matchAll(RUN)) {
    const end = match.index + match[0].length
    const scale = scaleAfter(source, end)
    if (scale) spans.push([scale.end - (source.slice(end, scale.end).trimStart().length), scale.end])
  }
  return spans
}

/** A plural noun right after a number: the number counts things, so it is not a year. */
const COUNTED = /^[ \u00A0]+\p{Ll}+s\b/u

/**
 * A whole number as AP writes it: thousands separated by commas from 10,000
 * up, and from 1,000 when a plural noun follows (`1,400 companies`); a
 * four-digit number otherwise may be a year (`in 1999`, `the 2030 plan`)
 * and stays as it is.
 */
export function withThousands(digits: string, after: string): string {
  if (!/^[1-9]\d{3,}$/.test(digits)) return digits
  if (digits.length === 4 && !COUNTED.test(after)) return digits
  return digits.replace(/\B(?=(?:\d{3})+$)/g, ',')
}

/**
 * `typography.arabic-digits`: Arabic-Indic (٠–٩) and Persian (۰–۹) digits
 * left in English text, one finding per number, fixed to ASCII digits
 * (`٫` becomes the decimal point, `٬` the thousands comma). Digits inside
 * untranslated Arabic are left to that run's message. A number followed by
 * an Arabic scale word is one number: `٥ ألف` becomes `5,000`, `٣ مليون`
 * `3 million`; when it cannot be written exactly it is reported, not half
 * converted.
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
    const scale = scaleAfter(source, end)
    if (scale) {
      const actual = source.slice(start, scale.end)
      const whole = scaledNumber(text, scale.scale)
      findings.push({
        ruleId: meta.id,
        reason: `Unexpected Arabic number \`${actual}\`, expected \`${whole ?? `${text} ${scale.scale}`}\``,
        start,
        end: scale.end,
        expected: [whole ?? `${text} ${scale.scale}`],
        ...(whole ? {fix: {start, end: scale.end, text: whole}} : {}),
        note: 'Arabic-Indic digits with an Arabic number word: converted as one number.'
      })
      continue
    }
    const written = withThousands(text, source.slice(end, end + 40))
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected Arabic-Indic digits \`${match[0]}\`, expected \`${written}\``,
      start,
      end,
      expected: [written],
      fix: {start, end, text: written}
    })
  }
  return findings
}
