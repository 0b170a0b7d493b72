import {reporter} from 'vfile-reporter'
import {reporterJson} from 'vfile-reporter-json'
import type {VFile} from 'vfile'
import type {PosteditMessage} from '../engine/report.js'

/** Output formats of the command line. */
export const FORMATS = ['stylish', 'json'] as const
export type Format = (typeof FORMATS)[number]

/**
 * JSON report: vfile-reporter-json's shape (one entry per file, with its
 * `messages`), plus postedit's `fix` and `severity` on each message.
 */
export function formatJson(files: VFile[]): string {
  const data = JSON.parse(reporterJson(files)) as Array<{messages: Array<Record<string, unknown>>}>
  data.forEach((entry, fileIndex) => {
    const messages = files[fileIndex]!.messages as PosteditMessage[]
    entry.messages.forEach((json, index) => {
      const message = messages[index]!
      delete json.ancestors
      json.severity = message.severity ?? (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info')
      if (message.fix) json.fix = message.fix
    })
  })
  return JSON.stringify(data, undefined, 2)
}

/** Human-readable report (vfile-reporter), coloured only where asked. */
export function formatStylish(files: VFile[], color: boolean): string {
  return reporter(files, {color})
}
