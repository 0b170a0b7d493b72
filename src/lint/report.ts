import {existsSync, readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import type {RuleInfo} from '../rules/catalog.js'
import type {FileOutcome} from './check-file.js'
import {formatGithub, formatJson, formatSarif, formatStylish, type Format} from './format.js'
import {formatSummary} from './quality-report.js'

/** postedit's version, from its package.json. */
export function posteditVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
}

/** Paths in SARIF and GitHub annotations are relative to this: the Actions workspace, the git top, or `cwd`. */
export function reportRoot(cwd: string): string {
  if (process.env.GITHUB_WORKSPACE) return resolve(process.env.GITHUB_WORKSPACE)
  for (let directory = cwd; ; directory = dirname(directory)) {
    if (existsSync(resolve(directory, '.git'))) return directory
    if (dirname(directory) === directory) return cwd
  }
}

/** `results` with only their errors (`--quiet`). */
export const errorsOnly = (results: readonly FileOutcome[]): FileOutcome[] =>
  results.map((outcome) => ({...outcome, messages: outcome.messages.filter((message) => message.severity === 'error')}))

/** How to write a report of {@link lintFiles} results. */
export interface ReportOptions {
  /** A format, or `summary`: one row per file with its quality score. */
  format: Format | 'summary'
  /** Describes rule ids for SARIF (`catalog` of the lint result). */
  catalog: ReadonlyMap<string, RuleInfo>
  /** Report errors only. */
  quiet?: boolean
  color?: boolean
  /** Folder from which SARIF and GitHub paths are relative (default: {@link reportRoot} of the working folder). */
  root?: string
}

/**
 * The report of `results` in one of the command's formats, exactly as
 * `postedit --format NAME` prints it (without the final line break); with
 * `quiet`, only errors are listed (the summary counts every message).
 */
export async function formatResults(results: readonly FileOutcome[], options: ReportOptions): Promise<string> {
  const shown = options.quiet ? errorsOnly(results) : results
  const color = options.color ?? false
  switch (options.format) {
    case 'summary':
      return formatSummary(results)
    case 'json':
      return formatJson(shown)
    case 'sarif':
      return formatSarif(shown, {catalog: options.catalog, root: options.root ?? reportRoot(process.cwd()), version: posteditVersion(), color})
    case 'github':
      return formatGithub(shown, options.root ?? reportRoot(process.cwd()))
    default:
      return formatStylish(shown, {color, quiet: options.quiet ?? false})
  }
}

/** What `--fix` would change, as one unified diff per changed file (`a/PATH`, `b/PATH`; `stdin` for standard input). */
export async function formatDiff(results: readonly FileOutcome[]): Promise<string> {
  const {createTwoFilesPatch} = await import('diff')
  let patch = ''
  for (const outcome of results) {
    if (outcome.value === outcome.original) continue
    const name = outcome.path ?? 'stdin'
    patch += createTwoFilesPatch(`a/${name}`, `b/${name}`, outcome.original, outcome.value)
  }
  return patch
}
