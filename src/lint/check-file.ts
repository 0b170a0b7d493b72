import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {PosteditMessage} from '../engine/report.js'
import type {Fix, Severity} from '../engine/types.js'
import {formatOf, loadSupportFor, posteditSync, type Options} from '../postedit.js'

/** A message as plain data: what crosses between workers and feeds every format. */
export interface JsonMessage {
  reason: string
  ruleId: string
  source: string
  line: number
  column: number
  place: {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
  fatal: boolean | undefined
  severity: Severity
  actual?: string
  expected?: string[]
  note?: string
  url?: string
  fix?: Fix
}

/** One file to check. */
export interface FileJob {
  /** Path as shown in reports; undefined for standard input. */
  path: string | undefined
  value: string
  options: Options
}

/** What checking a file gave. */
export interface FileOutcome {
  path: string | undefined
  /** The original text. */
  original: string
  /** The text after fixing (the original when not fixing). */
  value: string
  /** What remains to report. */
  messages: JsonMessage[]
  /** How many fixes were applied. */
  fixed: number
}

function toJson(message: PosteditMessage): JsonMessage {
  const place = message.place as JsonMessage['place']
  const json: JsonMessage = {
    reason: message.reason,
    ruleId: String(message.ruleId),
    source: String(message.source),
    line: place.start.line,
    column: place.start.column,
    place: {start: {...place.start}, end: {...place.end}},
    fatal: message.fatal ?? undefined,
    severity: message.severity ?? (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info')
  }
  if (message.actual !== undefined) json.actual = message.actual
  if (message.expected) json.expected = message.expected
  if (message.note) json.note = message.note
  if (message.url) json.url = message.url
  if (message.fix) json.fix = message.fix
  return json
}

/** Load what checking `jobs` needs beyond plain text (the Markdown or HTML parser). */
export async function prepareFor(jobs: readonly FileJob[]): Promise<void> {
  const formats = new Set(jobs.map((job) => formatOf(new VFile({path: job.path}), job.options)))
  for (const format of formats) await loadSupportFor(format)
}

/** Check one file (in this thread or a worker): pure data in, pure data out. */
export function checkFile(job: FileJob): FileOutcome {
  const file = new VFile({path: job.path, value: job.value})
  const result = posteditSync(file, job.options)
  return {path: job.path, original: job.value, value: result.value, messages: result.messages.map(toJson), fixed: result.applied.length}
}

/** A VFile carrying an outcome's messages again, for vfile reporters. */
export function outcomeToFile(outcome: FileOutcome): VFile {
  const file = new VFile({path: outcome.path, value: outcome.value})
  for (const json of outcome.messages) {
    const message = new VFileMessage(json.reason, {place: json.place, ruleId: json.ruleId, source: json.source}) as PosteditMessage
    message.file = file.path ?? ''
    message.fatal = json.fatal
    message.severity = json.severity
    message.actual = json.actual
    message.expected = json.expected
    message.note = json.note
    message.url = json.url
    if (json.fix) message.fix = json.fix
    file.messages.push(message)
  }
  return file
}
