import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {PosteditMessage} from '../engine/report.js'
import type {Fix, Severity} from '../engine/types.js'
import type {Options} from '../postedit.js'

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
  /**
   * The configuration files `options` came from, farthest first: their text
   * is part of what the results cache compares (a rule id they name is
   * checked with the packs), so any change to them checks the file again.
   */
  configFiles?: string[]
  /**
   * The job is one of a run that ends with its worker thread (`lintFiles`'s
   * pool): a worker checking it reads the packs and gazetteers once, not
   * before every file. Unset (the language server), each check looks at
   * them for edits.
   */
  holdData?: boolean
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
