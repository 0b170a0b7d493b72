import {VFile} from 'vfile'
import type {PosteditMessage} from '../engine/report.js'
import {formatOf, loadSupportFor, posteditSync} from '../postedit.js'
import type {FileJob, FileOutcome, JsonMessage} from './outcome.js'
import {boundHeapOfLongTexts} from './heap.js'
import {isMainThread} from 'node:worker_threads'
import {holdDataFiles} from '../infra/data-freshness.js'

// The data types live in outcome.ts, which loads no engine: reports and the
// results cache use them without loading the rules.
export {outcomeToFile, type FileJob, type FileOutcome, type JsonMessage} from './outcome.js'

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

/** Whether this worker thread holds its data files (see {@link FileJob.holdData}). */
let workerHolds = false

/** Check one file (in this thread or a worker): pure data in, pure data out. */
export function checkFile(job: FileJob): FileOutcome {
  // In the main thread `lintFiles` holds the data files for its run; a pool
  // worker ends with the run, so it holds them for as long as it lives.
  if (job.holdData && !isMainThread && !workerHolds) {
    holdDataFiles()
    workerHolds = true
  }
  boundHeapOfLongTexts(job.value.length)
  const file = new VFile({path: job.path, value: job.value})
  const result = posteditSync(file, job.options)
  return {path: job.path, original: job.value, value: result.value, messages: result.messages.map(toJson), fixed: result.applied.length}
}
