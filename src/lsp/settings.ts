import {planJobs} from '../lint/jobs.js'
import type {Options} from '../postedit.js'

/**
 * The one place the language server asks for a document's settings: the
 * configuration files above it (merged as the CLI merges them), its packs,
 * gazetteers and rule settings, every rule id checked. Kept to this adapter so
 * that when the CLI's planning becomes a library function only this file
 * changes.
 *
 * @param path the document's file, or undefined for an unsaved one (then the
 *   configuration of `cwd` applies, as for standard input)
 * @param text the document's text (its inline `postedit-disable` comments are checked too)
 * @param cwd the workspace folder holding the document, or its folder
 * @param warn told about configuration files passed over
 */
export async function optionsForDocument(path: string | undefined, text: string, cwd: string, warn: (message: string) => void): Promise<Options> {
  const {jobs} = await planJobs([path ?? '-'], [text], {
    cwd,
    fix: false,
    packs: [],
    names: [],
    disable: [],
    words: [],
    markdown: false,
    warn
  })
  return jobs[0]!.options
}
