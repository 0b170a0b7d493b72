import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import {isLineEdge, type TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.space-before-punctuation',
  description: 'A space before , . ; : ! ? ) or after ( and opening quotes; removed.',
  fixable: true,
  severity: 'warning'
})

const BEFORE = / +([,.;:!?)\u2026\u201D])/g
const AFTER = /([(\u201C]) +(?=\S)/g
// What may follow a closing mark: end, space, closing quote or bracket, punctuation.
const CLOSES = /^(?:$|[\s"'\u2019\u201D)\]}.,;:!?\u2026])/
const WORD_START = /^\p{L}/u
const NAMES: Record<string, string> = {'(': 'opening parenthesis', '\u201C': 'opening quotation mark', ')': 'closing parenthesis', '\u201D': 'closing quotation mark'}

/**
 * `typography.space-before-punctuation`: a space before `, . ; : ! ? )`,
 * `…` or a closing `”`, or after `(` or an opening `“`, removed (`( WTI )`
 * gives `(WTI)`). Not reported: a decimal or a domain after a space
 * (`to .08%`, `.NET`), a spaced ellipsis between words (`wait ... and`),
 * emoticons (`: )`), ratios (`3 : 1`), French spacing around `« »`, and
 * marks that begin a line.
 */
export function checkSpaceBeforePunctuation(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  for (const match of source.matchAll(BEFORE)) {
    const mark = match[1]!
    const start = match.index
    const at = start + match[0].length - 1
    const previous = source[start - 1]
    if (isLineEdge(previous) || previous === '\t' || previous === '\u00A0') continue
    const rest = source.slice(at + 1, at + 3)
    if (!keepsSpace(source, mark, previous!, at, rest)) {
      const glue = (mark === ',' || mark === ';') && WORD_START.test(rest)
      const text = glue ? `${mark} ` : mark
      const finding: Finding = {
        ruleId: meta.id,
        reason: `Unexpected space before ${NAMES[mark] ?? `\`${mark}\``}, expected \`${text.trim()}\` right after the word`,
        // The span holds the mark too, so that `expected` replaces exactly `actual`
        // (an editor's "Replace with" would otherwise double the mark).
        start,
        end: at + 1,
        actual: source.slice(start, at + 1),
        expected: [text],
        fix: glue ? {start, end: at + 1, text} : {start, end: at, text: ''}
      }
      // House styles differ on a space before an ellipsis (AP spaces it): suggest, do not fix.
      if (mark === '\u2026') {
        delete finding.fix
        finding.severity = 'info'
        finding.note = 'Closed up (`word…`) in most styles; AP and some house styles set a space before an ellipsis.'
      }
      findings.push(finding)
    }
  }
  for (const match of source.matchAll(AFTER)) {
    const mark = match[1]!
    const at = match.index
    const end = at + match[0].length
    const previous = source[at - 1]
    if (mark === '(' && (previous === ':' || previous === ';' || source[end] === ')' || !closesOnLine(source, end, '(', ')'))) continue
    if (mark === '\u201C' && ((previous !== undefined && /[\p{L}\p{N}]/u.test(previous)) || source[end] === '\u201D' || !closesOnLine(source, end, '\u201C', '\u201D'))) continue
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected space after ${NAMES[mark]}, expected \`${mark}\` right before the word`,
      start: at,
      end,
      actual: source.slice(at, end),
      expected: [mark],
      fix: {start: at + 1, end, text: ''}
    })
  }
  return findings
}

// Cases where a space before the mark is right, or the mark is something else.
function keepsSpace(source: string, mark: string, previous: string, at: number, rest: string): boolean {
  switch (mark) {
    case '.':
      // `to .08%`, `.NET`, ` ...` (a spaced ellipsis), `..`.
      return !CLOSES.test(rest) || rest.startsWith('.')
    case ',':
      return /^\p{N}/u.test(rest)
    case ';':
      // `;)` and `;-)` are winks, not semicolons.
      return /^[\p{N}()\-DP]/u.test(rest)
    case ':': {
      // Ratios and times (`3 : 1`), emoticons (`: )`), labels before a line break are fine.
      const next = rest.trimStart()[0]
      if (next === ')' || next === '(' || next === '-' || next === 'D' || next === 'P') return true
      if (/\p{N}/u.test(previous) && /^ ?\p{N}/u.test(rest)) return true
      return !/^(?:$|\s)/.test(rest) || frenchLine(source, at)
    }
    case '!':
    case '?':
      return !CLOSES.test(rest) || frenchLine(source, at)
    case ')':
      return previous === ':' || previous === ';' || previous === '(' || !opensOnLine(source, at, '(', ')')
    case '\u2026':
      // A spaced ellipsis between words is a house style; before a closing mark it is a stray space.
      return !/^["'\u2019\u201D)\]}.,;:!?]/.test(rest) || previous === '(' || previous === '\u201C' || previous === '"'
    case '\u201D':
      return !CLOSES.test(rest) || !opensOnLine(source, at, '\u201C', '\u201D')
    default:
      return false
  }
}

// French typography puts a space before `; : ! ?` inside « »; leave such lines alone.
function frenchLine(source: string, at: number): boolean {
  const start = source.lastIndexOf('\n', at) + 1
  const end = source.indexOf('\n', at)
  const line = source.slice(start, end === -1 ? undefined : end)
  return line.includes('\u00AB') || line.includes('\u00BB')
}

// Whether an `open` mark before `at` on the same line is still unclosed.
function opensOnLine(source: string, at: number, open: string, close: string): boolean {
  let depth = 0
  for (let i = at - 1; i >= 0; i--) {
    const char = source[i]
    if (char === '\n') break
    if (char === close) depth++
    else if (char === open) {
      if (depth === 0) return true
      depth--
    }
  }
  return false
}

// Whether the mark opened just before `from` is closed later on the same line.
function closesOnLine(source: string, from: number, open: string, close: string): boolean {
  let depth = 0
  for (let i = from; i < source.length; i++) {
    const char = source[i]
    if (char === '\n') break
    if (char === open) depth++
    else if (char === close) {
      if (depth === 0) return true
      depth--
    }
  }
  return false
}
