import {existsSync, readFileSync, statSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import ignore, {type Ignore} from 'ignore'

/** Extensions looked for inside folders and globs. */
export const TEXT_EXTENSIONS = ['txt', 'text', 'md', 'markdown']

/** Whether `pattern` is a glob rather than a path (tinyglobby's own test, without loading it). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}!]|\(.*\|.*\)/.test(pattern)
}

/** tinyglobby, loaded only when there is a folder or glob to expand. */
const globber = async () => (await import('tinyglobby')).glob

/** Name of the ignore file, in gitignore syntax, read from the working folder. */
export const IGNORE_FILE = '.posteditignore'

/** What the command will check. */
export interface InputList {
  /** Files to check, in a stable order; `-` is standard input. */
  files: string[]
  /** Files named on the command line that the ignore file excludes. */
  ignored: string[]
  /** Globs or folders that matched nothing. */
  empty: string[]
}

function ignoreRules(cwd: string, enabled: boolean): Ignore {
  const rules = ignore().add(['node_modules/', '.git/'])
  const file = join(cwd, IGNORE_FILE)
  if (enabled && existsSync(file)) rules.add(readFileSync(file, 'utf8'))
  return rules
}

/**
 * Expand the command line's files, folders and globs. Found files are
 * filtered by the ignore file silently; a file named outright that it
 * excludes is reported, so nothing is skipped without the user knowing.
 */
export async function collectInputs(patterns: readonly string[], options: {cwd?: string; useIgnore?: boolean} = {}): Promise<InputList> {
  const cwd = options.cwd ?? process.cwd()
  const rules = ignoreRules(cwd, options.useIgnore !== false)
  const isIgnored = (path: string) => {
    const local = relative(cwd, resolve(cwd, path))
    return !local.startsWith('..') && local !== '' && rules.ignores(local.split('\\').join('/'))
  }
  const files = new Set<string>()
  const ignored: string[] = []
  const empty: string[] = []
  for (const pattern of patterns) {
    if (pattern === '-') {
      files.add(pattern)
      continue
    }
    let found: string[]
    if (isGlob(pattern)) {
      found = await (await globber())(pattern, {cwd, dot: false, onlyFiles: true, ignore: ['**/node_modules/**']})
    } else {
      let directory = false
      try {
        directory = statSync(resolve(cwd, pattern)).isDirectory()
      } catch {
        // Not there: the reader says so with the file's name.
      }
      if (!directory) {
        if (isIgnored(pattern)) ignored.push(pattern)
        else files.add(pattern)
        continue
      }
      found = (await (await globber())(`**/*.{${TEXT_EXTENSIONS.join(',')}}`, {cwd: resolve(cwd, pattern), onlyFiles: true, ignore: ['**/node_modules/**']})).map((file) =>
        join(pattern, file)
      )
    }
    const kept = found.filter((file) => !isIgnored(file)).sort()
    if (kept.length === 0) empty.push(pattern)
    for (const file of kept) files.add(file)
  }
  return {files: [...files], ignored, empty}
}
