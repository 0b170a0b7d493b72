import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import type {Finding, Fix, Severity} from './types.js'

/** Every message postedit raises says so in `source`. */
export const SOURCE = 'postedit'

type Locator = ReturnType<typeof location>

/** Fields postedit adds to the messages it raises. */
export interface PosteditFields {
  /** The replacement applied by `--fix`, only when the rule is certain. */
  fix?: Fix
  /** The severity postedit assigned, kept beside `fatal` for reporters. */
  severity?: Severity
}

/** A VFile message raised by postedit. */
export type PosteditMessage = VFileMessage & PosteditFields

const locators = new WeakMap<VFile, {value: string; locator: Locator}>()

/** Offset-to-point conversion, built once per file and text. */
function locatorOf(file: VFile): Locator {
  const value = String(file.value)
  const cached = locators.get(file)
  if (cached && cached.value === value) return cached.locator
  const locator = location(value)
  locators.set(file, {value, locator})
  return locator
}

/**
 * Turn a finding into a message on `file`, with an exact place (line, column
 * and offset of both ends) in the file's original text.
 */
export function report(file: VFile, finding: Finding): PosteditMessage {
  const locator = locatorOf(file)
  const start = locator.toPoint(finding.start)
  const end = locator.toPoint(finding.end)
  if (!start || !end) {
    throw new Error(`postedit: rule \`${finding.ruleId}\` reported offsets ${finding.start}-${finding.end} outside the text`)
  }
  // A byte order mark is no character an editor shows: line 1 columns count from after it (offsets stay offsets).
  if (String(file.value).startsWith('\uFEFF')) {
    for (const point of [start, end]) if (point.line === 1 && point.offset! > 0) point.column--
  }
  // A message is an Error, whose constructor records the call stack that
  // vfile-message then throws away (`stack` is set to ''): recording none
  // saves most of what a message costs.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: PosteditMessage
  try {
    message = file.message(finding.reason, {
      place: {start, end},
      ruleId: finding.ruleId,
      source: SOURCE
    }) as PosteditMessage
  } finally {
    Error.stackTraceLimit = limit
  }
  const severity = finding.severity ?? 'warning'
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  message.severity = severity
  message.actual = finding.actual ?? String(file.value).slice(finding.start, finding.end)
  if (finding.expected && finding.expected.length > 0) message.expected = finding.expected
  if (finding.note) message.note = finding.note
  if (finding.url) message.url = finding.url
  if (finding.fix) message.fix = finding.fix
  return message
}

/**
 * The offsets `[start, end]` of a message in its file: the one helper every
 * module uses to read where a message is (`[0, 0]` for a message without a span).
 */
export function offsetsOf(message: VFileMessage): [number, number] {
  const place = message.place
  return place && 'start' in place ? [place.start.offset ?? 0, place.end.offset ?? 0] : [0, 0]
}

/**
 * The ranges postedit's messages on `file` cover: what other rules already
 * reported, which a later rule leaves alone. `except` leaves out the rule
 * ids of the asking family (`spelling.`).
 */
export function claimedRanges(file: VFile, except?: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const message of file.messages) {
    if (message.source !== SOURCE || (except !== undefined && String(message.ruleId).startsWith(except))) continue
    const place = message.place
    if (place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined) ranges.push([place.start.offset, place.end.offset])
  }
  return ranges
}
