import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'
import {CLOSE, OPEN} from './quotes.js'

/** Guillemets left from Arabic typesetting. */
export const guillemetsMeta = defineRule({
  id: 'typography.guillemets',
  description: 'Guillemets « » left from Arabic (or French) typesetting in English text; a pair is fixed to the quotation marks the article uses.',
  fixable: true,
  severity: 'warning'
})

/** A space between a currency sign and its amount. */
export const currencySpaceMeta = defineRule({
  id: 'typography.currency-space',
  description: 'A space between a currency sign and the amount it precedes (`$ 5 million`); fixed.',
  fixable: true,
  severity: 'warning'
})

/** No space after a closing quotation mark. */
export const spaceAfterQuoteMeta = defineRule({
  id: 'typography.space-after-quote',
  description: 'A closing curly quotation mark run into the next word (`”said`); fixed with a space.',
  fixable: true,
  severity: 'warning'
})

/** The article's quotation marks: straight when it uses more straight than curly double quotes. */
function quotesOf(source: string): [string, string] {
  let curly = 0
  let straight = 0
  for (const char of source) {
    if (char === OPEN || char === CLOSE) curly++
    else if (char === '"') straight++
  }
  return straight > curly ? ['"', '"'] : [OPEN, CLOSE]
}

/** Whether the line at `at` is set in French, with a space before ? ! ; or : — a quotation in French keeps its guillemets. */
function frenchLine(source: string, at: number): boolean {
  const start = source.lastIndexOf('\n', at) + 1
  let end = source.indexOf('\n', at)
  if (end === -1) end = source.length
  return /[\p{L}\p{N}][ \u00A0\u202F][?!;:](?=\s|$|»)/u.test(source.slice(start, end))
}

// A pair on one line: « text », with the French spaces inside it (plain or no-break).
const PAIR = /«[\s\u00A0\u202F]*([^«»\n]*?)[\s\u00A0\u202F]*»/g

/**
 * `typography.guillemets`: `«…»` in English text. Arabic (and French)
 * typesetting quotes with guillemets; English news uses “ ” (or " ").
 * A pair on one line is fixed, French inner spaces and all; a lone
 * guillemet is reported. Text mostly in another script is left alone.
 */
export function checkGuillemets(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (context.mostlyForeign || (!source.includes('«') && !source.includes('»'))) return findings
  const [open, close] = quotesOf(source)
  const paired = new Set<number>()
  for (const match of source.matchAll(PAIR)) {
    const start = match.index
    const end = start + match[0].length
    if (context.inForeign(start) || match[1]!.trim() === '') continue
    paired.add(start)
    paired.add(end - 1)
    if (frenchLine(source, start)) continue
    const expected = `${open}${match[1]}${close}`
    findings.push({
      ruleId: guillemetsMeta.id,
      reason: `Unexpected \`${match[0]}\`, expected \`${expected}\``,
      start,
      end,
      actual: match[0],
      expected: [expected],
      note: 'English quotes with “ ” (or straight " " where the house style has them), not with the guillemets of Arabic and French typesetting.',
      fix: {start, end, text: expected}
    })
  }
  for (let at = 0; at < source.length; at++) {
    const char = source[at]!
    if ((char !== '«' && char !== '»') || paired.has(at) || context.inForeign(at) || frenchLine(source, at)) continue
    findings.push({
      ruleId: guillemetsMeta.id,
      reason: `Unexpected \`${char}\`, expected \`${char === '«' ? open : close}\``,
      start: at,
      end: at + 1,
      actual: char,
      expected: [char === '«' ? open : close],
      note: 'A guillemet without its pair on the line: the quotation needs checking by hand.'
    })
  }
  return findings
}

// A currency sign, one or more spaces, then a digit: `$ 5`. Before the sign: the start, a space, an opening bracket or quote, or a country prefix (`US$ 5`).
// As one expression: /(?<=^|[\s(\[“"‘]|\b[A-Z]{1,3})([$€£¥₹])([ \u00A0]+)(?=\p{N})/gu; read sign
// first, so that the lookbehind is tried only where a sign stands, not at every character.
const SIGN_SPACES = /([$€£¥₹])([ \u00A0]+)(?=\p{N})/gu
const SIGN_AFTER = /(?<=^|[\s(\[“"‘]|\b[A-Z]{1,3})[$€£¥₹]/uy

/** The places of `$ 5` in `source`, in order: a sign followed by spaces and a digit, with what stands before it checked. */
export function* currencySpaces(source: string): Generator<RegExpExecArray> {
  for (const match of source.matchAll(SIGN_SPACES)) {
    SIGN_AFTER.lastIndex = match.index
    if (SIGN_AFTER.test(source)) yield match as RegExpExecArray
  }
}

/**
 * `typography.currency-space`: `$ 5 million`, `€ 20`, fixed to `$5 million`
 * and `€20`: English sets a currency sign close up to its amount. A sign
 * after a number (`5 €`) is another error, left to the editor.
 */
export function checkCurrencySpace(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!/[$€£¥₹]/u.test(source)) return findings
  for (const match of currencySpaces(source)) {
    const start = match.index
    const end = start + match[0].length
    if (context.inForeign(start)) continue
    // A sign on its own between numbers (`5 $ 6`) is a table or a formula.
    if (/\p{N}[ \u00A0]*$/u.test(source.slice(Math.max(0, start - 3), start))) continue
    findings.push({
      ruleId: currencySpaceMeta.id,
      reason: `Unexpected space after \`${match[1]}\`, expected \`${match[1]}\` close up to the amount`,
      start,
      end,
      actual: match[0],
      expected: [match[1]!],
      fix: {start: start + 1, end, text: ''}
    })
  }
  return findings
}

/**
 * `typography.space-after-quote`: a closing `”` run into the next word
 * (`“We will stay,”said the minister`), fixed with a space. Only the curly
 * closing mark after a word or punctuation: a straight `"` could open the
 * next quotation, and a `”` after a space is an opening mark turned the
 * wrong way (the quotes rule reports it).
 */
export function checkSpaceAfterQuote(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!source.includes(CLOSE)) return findings
  for (let at = source.indexOf(CLOSE); at !== -1; at = source.indexOf(CLOSE, at + 1)) {
    const before = source[at - 1] ?? ' '
    const after = source[at + 1] ?? ' '
    if (/\s/u.test(before) || !/\p{L}/u.test(after) || context.inForeign(at)) continue
    // The quotation must have been opened before it on the line: otherwise the mark may be an opening one turned the wrong way.
    const lineStart = source.lastIndexOf('\n', at) + 1
    if (!source.slice(lineStart, at).includes(OPEN)) continue
    findings.push({
      ruleId: spaceAfterQuoteMeta.id,
      reason: `Unexpected \`${CLOSE}${after}\`, expected a space after the closing quotation mark`,
      start: at,
      end: at + 2,
      actual: source.slice(at, at + 2),
      expected: [`${CLOSE} ${after}`],
      fix: {start: at + 1, end: at + 1, text: ' '}
    })
  }
  return findings
}
