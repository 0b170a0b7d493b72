import {isOffFor} from '../infra/rule-ids.js'
import {offsetsOf, type PosteditMessage} from './report.js'

/**
 * Inline control, in Markdown (an HTML comment, invisible when rendered) and
 * in plain text alike; without ids a comment speaks of every rule:
 *
 * - a line holding only `<!-- postedit-disable [ids] -->` turns rules off from
 *   there on, `<!-- postedit-enable [ids] -->` turns them back on;
 * - a line holding only `<!-- postedit-disable-next-line [ids] -->` turns them
 *   off on the next line;
 * - `<!-- postedit-disable-line [ids] -->` anywhere in a line turns them off on
 *   that line.
 */
const DIRECTIVE = /^[ \t]*<!--[ \t]*postedit-(disable-next-line|disable|enable)((?:[ \t]+[\w.-]+)*)[ \t]*-->[ \t]*(?=\r?\n|\r|$)/gm
const LINE_DIRECTIVE = /<!--[ \t]*postedit-disable-line((?:[ \t]+[\w.-]+)*)[ \t]*-->/g

/** A stretch of text where some rules are off. */
export interface DisabledRange {
  start: number
  end: number
  /** Rule ids or prefixes; empty for every rule. */
  ids: string[]
}

/** A directive comment as written: where it is and the ids it names. */
export interface DirectiveComment {
  start: number
  end: number
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line'
  ids: string[]
}

const BREAK = /\r\n|\n|\r/g

/** Offset of the start of the line holding `offset`. */
function lineStart(source: string, offset: number): number {
  let start = offset
  while (start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r') start--
  return start
}

/** Offset of the end of the line holding `offset` (before its line break). */
function lineEnd(source: string, offset: number): number {
  BREAK.lastIndex = offset
  const match = BREAK.exec(source)
  return match ? match.index : source.length
}

/** Every directive comment of `source`, in order. */
export function listDirectives(source: string): DirectiveComment[] {
  const comments: DirectiveComment[] = []
  if (!source.includes('postedit-')) return comments
  const ids = (text: string) => text.trim().split(/\s+/).filter(Boolean)
  for (const match of source.matchAll(DIRECTIVE)) {
    comments.push({start: match.index, end: match.index + match[0].length, kind: match[1] as DirectiveComment['kind'], ids: ids(match[2]!)})
  }
  for (const match of source.matchAll(LINE_DIRECTIVE)) {
    comments.push({start: match.index, end: match.index + match[0].length, kind: 'disable-line', ids: ids(match[1]!)})
  }
  return comments.sort((a, b) => a.start - b.start)
}

/** The directive comments of `source` (to hide from the rules) and the ranges they turn rules off in. */
export function readDirectives(source: string): {lines: Array<[number, number]>; ranges: DisabledRange[]} {
  const lines: Array<[number, number]> = []
  const open = new Map<string, number>()
  const ranges: DisabledRange[] = []
  const ALL = '*'
  for (const comment of listDirectives(source)) {
    lines.push([comment.start, comment.end])
    if (comment.kind === 'disable-line') {
      ranges.push({start: lineStart(source, comment.start), end: lineEnd(source, comment.end), ids: comment.ids})
      continue
    }
    if (comment.kind === 'disable-next-line') {
      const end = lineEnd(source, comment.end)
      BREAK.lastIndex = end
      const next = BREAK.exec(source)
      if (next) ranges.push({start: next.index + next[0].length, end: lineEnd(source, next.index + next[0].length), ids: comment.ids})
      continue
    }
    const keys = comment.ids.length > 0 ? comment.ids : [ALL]
    for (const key of keys) {
      if (comment.kind === 'disable') {
        if (!open.has(key)) open.set(key, comment.start)
      } else {
        const start = open.get(key)
        if (start !== undefined) ranges.push({start, end: comment.start, ids: key === ALL ? [] : [key]})
        open.delete(key)
        // Enabling everything also closes each rule disabled on its own.
        if (key === ALL) {
          for (const [other, otherStart] of open) ranges.push({start: otherStart, end: comment.start, ids: [other]})
          open.clear()
        }
      }
    }
  }
  for (const [key, start] of open) ranges.push({start, end: source.length, ids: key === ALL ? [] : [key]})
  return {lines, ranges}
}

const startOf = (message: PosteditMessage) => offsetsOf(message)[0]

/** Messages that no directive turns off. */
export function applyDirectives(messages: PosteditMessage[], ranges: readonly DisabledRange[]): PosteditMessage[] {
  if (ranges.length === 0) return messages
  const tests = ranges.map((range) => ({...range, isOff: range.ids.length === 0 ? () => true : isOffFor(range.ids)}))
  return messages.filter((message) => {
    const offset = startOf(message)
    return !tests.some((range) => offset >= range.start && offset < range.end && range.isOff(String(message.ruleId)))
  })
}
