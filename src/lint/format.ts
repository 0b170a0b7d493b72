import {isAbsolute, relative, resolve, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import {outcomeToFile, type FileOutcome, type JsonMessage} from './outcome.js'
import type {RuleInfo} from '../rules/catalog.js'
import {scoreOf} from './quality-report.js'

/** Output formats of the command line. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const
export type Format = (typeof FORMATS)[number]

/** What a format may need besides the outcomes. */
export interface FormatContext {
  /** Describes rule ids (SARIF's rule metadata). */
  catalog: ReadonlyMap<string, RuleInfo>
  /** Folder paths in SARIF and GitHub annotations are relative to (the repository's top). */
  root: string
  version: string
  color: boolean
}

/**
 * JSON: vfile-reporter-json's shape (one entry per file with its
 * `messages`), plus postedit's `fix` and `severity` on each message, and
 * the file's quality `score` (penalty points per 100 words), `words` and
 * message `counts` per class.
 */
export function formatJson(outcomes: readonly FileOutcome[]): string {
  const cwd = process.cwd()
  return JSON.stringify(
    outcomes.map((outcome) => ({
      path: outcome.path,
      cwd,
      history: outcome.path === undefined ? [] : [outcome.path],
      messages: outcome.messages,
      ...scoreOf(outcome)
    })),
    undefined,
    2
  )
}

/** Human-readable report (vfile-reporter, loaded only for this format). */
export async function formatStylish(outcomes: readonly FileOutcome[], context: Pick<FormatContext, 'color'> & {quiet?: boolean}): Promise<string> {
  const {reporter} = await import('vfile-reporter')
  // Quiet: files without messages are left out, so nothing claims "no issues found" about warnings it hid.
  return reporter(outcomes.map(outcomeToFile), {color: context.color, quiet: context.quiet ?? false})
}

const sarifLevel = (message: JsonMessage) => (message.severity === 'error' ? 'error' : message.severity === 'warning' ? 'warning' : 'note')

/** `path` (relative to the working folder) relative to `root` with forward slashes, or undefined when outside it. */
function inside(path: string, root: string): string | undefined {
  const local = relative(root, resolve(path))
  if (local === '' || local.startsWith('..') || isAbsolute(local)) return undefined
  return local.split(sep).join('/')
}

/**
 * Where a file is, as SARIF wants it: a URI reference relative to the
 * repository top (`%SRCROOT%`), each segment percent-encoded (`a#b.txt` is
 * `a%23b.txt`); a file outside the repository gets an absolute `file:` URI.
 */
export function artifactLocation(path: string | undefined, root: string): {uri: string; uriBaseId?: string} {
  if (path === undefined) return {uri: 'stdin'}
  const local = inside(path, root)
  if (local === undefined) return {uri: pathToFileURL(resolve(path)).href}
  return {uri: local.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'}
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif(outcomes: readonly FileOutcome[], context: FormatContext): string {
  const ruleIds = [...new Set(outcomes.flatMap((outcome) => outcome.messages.map((message) => message.ruleId)))].sort()
  const index = new Map(ruleIds.map((id, position) => [id, position]))
  const rules = ruleIds.map((id) => {
    const info = context.catalog.get(id)
    const description = info?.description ?? id
    return {
      id,
      name: id,
      shortDescription: {text: description.split(/(?<=\p{Ll}\.)\s+(?=\p{Lu})/u)[0] ?? description},
      fullDescription: {text: description},
      help: {text: description, markdown: `${description}\n\nSee docs/rules.md in postedit for every rule.`},
      ...(info?.url ? {helpUri: info.url} : {})
    }
  })
  const results = outcomes.flatMap((outcome) =>
    outcome.messages.map((message) => ({
      ruleId: message.ruleId,
      ruleIndex: index.get(message.ruleId)!,
      level: sarifLevel(message),
      message: {text: message.reason},
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(outcome.path, context.root),
            region: {
              startLine: message.place.start.line,
              startColumn: message.place.start.column,
              endLine: message.place.end.line,
              endColumn: message.place.end.column,
              charOffset: message.place.start.offset,
              charLength: message.place.end.offset - message.place.start.offset
            }
          }
        }
      ],
      ...(message.fix
        ? {
            fixes: [
              {
                description: {text: message.expected?.[0] !== undefined ? `Replace with \`${message.fix.text}\`` : 'Apply the fix'},
                artifactChanges: [
                  {
                    artifactLocation: artifactLocation(outcome.path, context.root),
                    replacements: [
                      {
                        deletedRegion: {charOffset: message.fix.start, charLength: message.fix.end - message.fix.start},
                        insertedContent: {text: message.fix.text}
                      }
                    ]
                  }
                ]
              }
            ]
          }
        : {})
    }))
  )
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {driver: {name: 'postedit', semanticVersion: context.version, version: context.version, rules}},
          originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(context.root).href.replace(/\/?$/, '/')}},
          // Columns count UTF-16 code units, as JavaScript strings (and GitHub) do.
          columnKind: 'utf16CodeUnits',
          results
        }
      ]
    },
    undefined,
    2
  )
}

/** Escape the message part of a GitHub workflow command. */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** Escape a property value of a GitHub workflow command. */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/**
 * GitHub Actions workflow commands: an annotation on the exact line and
 * columns. GitHub wants paths relative to the repository top (`root`), not to
 * the folder the command ran in.
 */
export function formatGithub(outcomes: readonly FileOutcome[], root: string): string {
  const lines: string[] = []
  for (const outcome of outcomes) {
    for (const message of outcome.messages) {
      const command = message.severity === 'error' ? 'error' : message.severity === 'warning' ? 'warning' : 'notice'
      const properties = [
        `file=${escapeProperty(outcome.path === undefined ? 'stdin' : (inside(outcome.path, root) ?? resolve(outcome.path)))}`,
        `line=${message.place.start.line}`,
        `endLine=${message.place.end.line}`,
        `col=${message.place.start.column}`,
        `endColumn=${message.place.end.column}`,
        `title=${escapeProperty(`postedit ${message.ruleId}`)}`
      ]
      lines.push(`::${command} ${properties.join(',')}::${escapeData(message.reason)}`)
    }
  }
  return lines.join('\n')
}
