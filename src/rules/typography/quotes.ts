import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.quotes',
  description: 'Unbalanced or mismatched quotation marks, spaced apostrophes.',
  fixable: true,
  severity: 'warning'
})

/** Curly double quotes and the straight one, and all three to scan for (with the `g` flag: reset `lastIndex`). */
export const OPEN = '\u201C'
export const CLOSE = '\u201D'
export const STRAIGHT = '"'
export const MARKS = /["\u201C\u201D]/g
const TERMINAL = /[.!?\u2026:"'\u2019\u201D)\]]/
const APOSTROPHE = /['\u2019]/g
const ENDING = /(s|t|re|ve|ll|m|d)(?![\p{L}\p{N}'\u2019])/uy
const WORD_BEFORE = /\p{L}+$/u
const LETTER = /\p{L}/u
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'who', 'that', 'there'])

type Style = 'curly' | 'straight' | undefined

interface Open {
  at: number
  mark: string
}

/**
 * `typography.quotes`, three checks:
 *
 * - a quotation opened with one style and closed with the other
 *   (`“… violators."`): the odd mark is fixed to the style most of the
 *   article uses; a curly mark turned the wrong way (`“hello“`) is fixed too;
 * - an opening `“` that is never closed before its paragraph ends: reported
 *   over the last word of the paragraph, where the closing mark most likely
 *   belongs, without a fix (a quotation running on into the next paragraph,
 *   which then opens with `“`, is the newspaper convention and is fine);
 * - a spaced apostrophe (`Governor ' s`), fixed to `Governor’s`, or
 *   `Governor's` when the article uses straight apostrophes.
 */
export function checkQuotes(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (source.includes(OPEN) || source.includes(CLOSE)) {
    const style = quoteStyle(source)
    const blocks = paragraphsOf(source)
    for (let b = 0; b < blocks.length; b++) {
      const [start, end] = blocks[b]!
      const next = blocks[b + 1]
      const continued = next !== undefined && source[next[0]] === OPEN
      checkBlock(source, start, end, style, continued, findings)
    }
  }
  if (/['\u2019]/.test(source)) checkApostrophes(source, findings)
  return findings
}

function quoteStyle(source: string): Style {
  const curly = count(source, OPEN) + count(source, CLOSE)
  const straight = count(source, STRAIGHT)
  if (curly !== straight) return curly > straight ? 'curly' : 'straight'
  // As many of each (one quotation opened with one style, closed with the
  // other): the apostrophes of the article's words tell its style.
  const apostrophe = apostropheStyle(source)
  return apostrophe === '\u2019' ? 'curly' : apostrophe === "'" ? 'straight' : undefined
}

function count(source: string, char: string): number {
  let n = 0
  for (let at = source.indexOf(char); at !== -1; at = source.indexOf(char, at + 1)) n++
  return n
}

// Paragraphs: blocks between blank lines when the text has any, else lines.
export function paragraphsOf(source: string): Array<[number, number]> {
  const blank = /\n[ \t\u00A0]*\r?\n/.test(source)
  const separator = blank ? /\r?\n(?:[ \t\u00A0]*\r?\n)+/g : /\r?\n/g
  const blocks: Array<[number, number]> = []
  let start = 0
  for (const match of source.matchAll(separator)) {
    blocks.push([start, match.index])
    start = match.index + match[0].length
  }
  blocks.push([start, source.length])
  const trimmed = blocks.map(([s, e]) => trim(source, s, e)).filter(([s, e]) => e > s)
  if (blank) return trimmed
  // Without blank lines a line is a paragraph, unless it stops mid-sentence
  // (hard-wrapped text): then it runs on into the next line.
  const merged: Array<[number, number]> = []
  let open = false
  for (const block of trimmed) {
    const last = merged[merged.length - 1]
    if (open && last) last[1] = block[1]
    else merged.push([block[0], block[1]])
    open = !TERMINAL.test(source[block[1] - 1]!)
  }
  return merged
}

function trim(source: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(source[start]!)) start++
  while (end > start && /\s/.test(source[end - 1]!)) end--
  return [start, end]
}

// A mark with a letter, digit or closing punctuation before it and a space,
// end or punctuation after it closes a quotation.
export function closesHere(source: string, at: number, start: number, end: number): boolean {
  const before = at > start ? source[at - 1]! : ' '
  const after = at + 1 < end ? source[at + 1]! : ' '
  return !/\s/.test(before) && /[\s.,;:!?)\]\u2014\u2013-]/.test(after)
}

/** Whether the mark at `at` stands where a quotation opens: after a space, bracket or dash, before a word. */
export function opensHere(source: string, at: number, start: number, end: number): boolean {
  const before = at > start ? source[at - 1]! : ' '
  const after = at + 1 < end ? source[at + 1]! : ' '
  return /[\s(\[\u2014\u2013-]/.test(before) && !/\s/.test(after)
}

function checkBlock(source: string, start: number, end: number, style: Style, continued: boolean, findings: Finding[]): void {
  const stack: Open[] = []
  const block = source.slice(start, end)
  for (const match of block.matchAll(MARKS)) {
    const at = start + match.index
    const mark = match[0]
    const top = stack[stack.length - 1]
    if (mark === OPEN) {
      if (top?.mark === OPEN && closesHere(source, at, start, end) && !opensHere(source, at, start, end)) {
        stack.pop()
        findings.push(turn(at, OPEN, CLOSE, 'a closing quotation mark turned the wrong way'))
      } else stack.push({at, mark})
    } else if (mark === CLOSE) {
      if (top?.mark === OPEN) stack.pop()
      else if (top?.mark === STRAIGHT) {
        stack.pop()
        if (style === 'curly') findings.push(turn(top.at, STRAIGHT, OPEN, 'a quotation closed with a curly mark opened with a straight one'))
        else if (style === 'straight') findings.push(turn(at, CLOSE, STRAIGHT, 'a quotation opened with a straight mark closed with a curly one'))
      } else if (opensHere(source, at, start, end) && !closesHere(source, at, start, end) && block.indexOf(CLOSE, at - start + 1) !== -1) {
        stack.push({at, mark: OPEN})
        findings.push(turn(at, CLOSE, OPEN, 'an opening quotation mark turned the wrong way'))
      }
    } else if (top && closesHere(source, at, start, end) && !opensHere(source, at, start, end)) {
      stack.pop()
      if (top.mark === OPEN && style === 'curly') findings.push(turn(at, STRAIGHT, CLOSE, 'a quotation opened with a curly mark closed with a straight one'))
      else if (top.mark === OPEN && style === 'straight') findings.push(turn(top.at, OPEN, STRAIGHT, 'a quotation closed with a straight mark opened with a curly one'))
    } else stack.push({at, mark})
  }
  if (continued) return
  for (const open of stack) {
    if (open.mark !== OPEN) continue
    const last = lastWord(source, start, end)
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected end of paragraph inside the quotation opened at ${pointOf(source, open.at)}, expected a closing \`${CLOSE}\``,
      start: last,
      end,
      expected: [source.slice(last, end) + CLOSE],
      note: 'The message sits at the end of the paragraph, where the closing mark is most often missing; it may belong earlier.'
    })
    break
  }
}

// `line:column`, 1-based, as messages print places.
function pointOf(source: string, at: number): string {
  const before = source.slice(0, at)
  const line = (before.match(/\n/g)?.length ?? 0) + 1
  return `${line}:${at - before.lastIndexOf('\n')}`
}

function lastWord(source: string, start: number, end: number): number {
  let at = end
  while (at > start && !/\s/.test(source[at - 1]!)) at--
  return at
}

function turn(at: number, from: string, to: string, what: string): Finding {
  return {
    ruleId: meta.id,
    reason: `Unexpected \`${from}\`: ${what}, expected \`${to}\``,
    start: at,
    end: at + 1,
    expected: [to],
    fix: {start: at, end: at + 1, text: to}
  }
}

function checkApostrophes(source: string, findings: Finding[]): void {
  let style: string | undefined
  for (const found of source.matchAll(APOSTROPHE)) {
    const at = found.index
    let start = at
    while (source[start - 1] === ' ') start--
    let after = at + 1
    while (source[after] === ' ') after++
    if (start === at && after === at + 1) continue
    ENDING.lastIndex = after
    const ending = ENDING.exec(source)?.[1]
    const word = ending && WORD_BEFORE.exec(source.slice(Math.max(0, start - 40), start))?.[0]
    if (!ending || !word) continue
    const lower = word.toLowerCase()
    if (ending === 't' && !lower.endsWith('n')) continue
    if (ending === 'm' && lower !== 'i') continue
    if ((ending === 're' || ending === 've' || ending === 'll' || ending === 'd') && !PRONOUNS.has(lower)) continue
    style ??= apostropheStyle(source)
    const text = (style ?? found[0]) + ending
    const end = after + ending.length
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected spaced apostrophe \`${word}${source.slice(start, end)}\`, expected \`${word}${text}\``,
      start,
      end,
      expected: [text],
      fix: {start, end, text}
    })
  }
}

// The apostrophe most words of the text use, if one is more common.
function apostropheStyle(source: string): string | undefined {
  const curly = between(source, '\u2019')
  const straight = between(source, "'")
  return curly > straight ? '\u2019' : straight > curly ? "'" : undefined
}

// How often `mark` stands between two letters, as an apostrophe does.
function between(source: string, mark: string): number {
  let n = 0
  for (let at = source.indexOf(mark); at !== -1; at = source.indexOf(mark, at + 1)) {
    if (LETTER.test(source[at - 1] ?? '') && LETTER.test(source[at + 1] ?? '')) n++
  }
  return n
}
