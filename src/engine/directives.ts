import {isOffFor} from '../rules/options.js'
import type {PosteditMessage} from './report.js'

/**
 * Inline control: a line holding only `<!-- postedit-disable [ids] -->`
 * turns rules off from there on, `<!-- postedit-enable [ids] -->` turns them
 * back on; without ids, all rules. The same line works in Markdown (an HTML
 * comment, invisible when rendered) and in plain text.
 */
const DIRECTIVE = /^[ \t]*<!--[ \t]*postedit-(disable|enable)((?:[ \t]+[\w.-]+)*)[ \t]*-->[ \t]*\r?$/gm

/** A stretch of text where some rules are off. */
export interface DisabledRange {
  start: number
  end: number
  /** Rule ids or prefixes; empty for every rule. */
  ids: string[]
}

/** The directive lines of `source` and the ranges they turn rules off in. */
export function readDirectives(source: string): {lines: Array<[number, number]>; ranges: DisabledRange[]} {
  const lines: Array<[number, number]> = []
  const open = new Map<string, number>()
  const ranges: DisabledRange[] = []
  const ALL = '*'
  for (const match of source.matchAll(DIRECTIVE)) {
    lines.push([match.index, match.index + match[0].length])
    const ids = match[2]!.trim().split(/\s+/).filter(Boolean)
    const keys = ids.length > 0 ? ids : [ALL]
    for (const key of keys) {
      if (match[1] === 'disable') {
        if (!open.has(key)) open.set(key, match.index)
      } else {
        const start = open.get(key)
        if (start !== undefined) ranges.push({start, end: match.index, ids: key === ALL ? [] : [key]})
        open.delete(key)
        // Enabling everything also closes each rule disabled on its own.
        if (key === ALL) {
          for (const [other, otherStart] of open) ranges.push({start: otherStart, end: match.index, ids: [other]})
          open.clear()
        }
      }
    }
  }
  for (const [key, start] of open) ranges.push({start, end: source.length, ids: key === ALL ? [] : [key]})
  return {lines, ranges}
}

const startOf = (message: PosteditMessage) => (message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0)

/** Messages that no directive turns off. */
export function applyDirectives(messages: PosteditMessage[], ranges: readonly DisabledRange[]): PosteditMessage[] {
  if (ranges.length === 0) return messages
  const tests = ranges.map((range) => ({...range, isOff: range.ids.length === 0 ? () => true : isOffFor(range.ids)}))
  return messages.filter((message) => {
    const offset = startOf(message)
    return !tests.some((range) => offset >= range.start && offset < range.end && range.isOff(String(message.ruleId)))
  })
}
