import {existsSync, readdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {dirname, extname, join, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'

/** Extensions looked for inside folders and globs, in any case (`.TXT` too). */
export const TEXT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

/** Whether `pattern` is a glob rather than a path (tinyglobby's own test, without loading it). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}!]|\(.*\|.*\)/.test(pattern)
}

/** tinyglobby, loaded only when there is a folder or glob to expand. */
const globber = async () => (await import('tinyglobby')).glob

/** Name of the ignore file, in gitignore syntax, read from each folder up to the repository top. */
export const IGNORE_FILE = '.posteditignore'

/** What the command will check. */
export interface InputList {
  /** Files to check, in a stable order, each real file once; `-` is standard input. */
  files: string[]
  /** Files named on the command line that an ignore file excludes. */
  ignored: string[]
  /** Folders and globs that found files, every one of them ignored. */
  allIgnored: string[]
  /** Globs or folders that matched no text file at all. */
  empty: string[]
}

/** The nearest folder at or above `directory` holding `.git`, else the filesystem root. */
export function repositoryTop(directory: string): string {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current
    if (dirname(current) === current) return current
  }
}

/** What is never checked, wherever it is: built once, not per file. */
let alwaysIgnored: Ignore | undefined

/**
 * Ignore rules as git reads .gitignore files: each folder's `.posteditignore`
 * speaks about the paths below it, a deeper file can re-include (`!name`)
 * what a shallower one excluded, and the search stops at the repository top.
 */
class IgnoreTree {
  private readonly byFolder = new Map<string, Ignore | undefined>()
  private readonly tops = new Map<string, string>()

  constructor(private readonly enabled: boolean) {}

  private rulesIn(folder: string): Ignore | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder)
    const file = join(folder, IGNORE_FILE)
    const rules = this.enabled && existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : undefined
    this.byFolder.set(folder, rules)
    return rules
  }

  private topOf(folder: string): string {
    let top = this.tops.get(folder)
    if (top === undefined) {
      top = repositoryTop(folder)
      this.tops.set(folder, top)
    }
    return top
  }

  /** Whether the file at absolute `path` is excluded. */
  ignores(path: string): boolean {
    const top = this.topOf(dirname(path))
    const folders: string[] = []
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      folders.unshift(folder)
      if (folder === top || dirname(folder) === folder) break
    }
    const posix = (from: string) => relative(from, path).split(sep).join('/')
    alwaysIgnored ??= ignore().add(['node_modules/', '.git/'])
    let ignored = alwaysIgnored.ignores(posix(top))
    for (const folder of folders) {
      const rules = this.rulesIn(folder)
      if (!rules) continue
      const verdict = rules.test(posix(folder))
      if (verdict.ignored) ignored = true
      else if (verdict.unignored) ignored = false
    }
    return ignored
  }
}

/**
 * Whether the `.posteditignore` files above `path` (an absolute file path)
 * exclude it, read afresh, as a command naming that file would read them: an
 * editor asks once per check, and an edit to an ignore file counts at once.
 */
export function isIgnoredFile(path: string): boolean {
  return new IgnoreTree(true).ignores(resolve(path))
}

const hasTextExtension = (file: string) => TEXT_EXTENSIONS.includes(extname(file).slice(1).toLowerCase())

/** A key naming the real file behind `path` (links resolved), so each file is checked once. */
function identity(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/**
 * Text files under `folder` (paths relative to it, sorted), as a folder
 * search wants them: hidden entries and node_modules are skipped, a link to a
 * file counts as a file, a link to a folder is not followed (no loops, no file
 * reached twice through a second path).
 */
function textFilesIn(folder: string): string[] {
  const found: string[] = []
  const walk = (relativeFolder: string) => {
    let entries
    try {
      entries = readdirSync(join(folder, relativeFolder), {withFileTypes: true})
    } catch {
      return // Unreadable: nothing to check there.
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(join(folder, path)))) && hasTextExtension(entry.name)) found.push(path)
    }
  }
  walk('')
  return found.sort()
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * Expand the command line's files, folders and globs. Folders are searched
 * for text files without following symbolic links to folders (globs follow
 * no links at all); a file reached
 * twice (through two arguments, or a link named outright) is checked once.
 * Found files are filtered by the ignore files silently; a file named
 * outright that they exclude is reported, so nothing is skipped without the
 * user knowing.
 */
export async function collectInputs(patterns: readonly string[], options: {cwd?: string; useIgnore?: boolean} = {}): Promise<InputList> {
  const cwd = options.cwd ?? process.cwd()
  const tree = new IgnoreTree(options.useIgnore !== false)
  const isIgnored = (path: string) => tree.ignores(resolve(cwd, path))
  const files: string[] = []
  const seen = new Set<string>()
  const add = (file: string) => {
    const key = file === '-' ? file : identity(resolve(cwd, file))
    if (seen.has(key) && file !== '-') return
    seen.add(key)
    files.push(file)
  }
  const ignored: string[] = []
  const allIgnored: string[] = []
  const empty: string[] = []
  for (const pattern of patterns) {
    if (pattern === '-') {
      files.push(pattern)
      continue
    }
    let found: string[]
    if (isGlob(pattern)) {
      found = await (await globber())(pattern, {cwd, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**']})
    } else {
      let directory = false
      try {
        directory = statSync(resolve(cwd, pattern)).isDirectory()
      } catch {
        // Not there: the reader says so with the file's name.
      }
      if (!directory) {
        if (isIgnored(pattern)) ignored.push(pattern)
        else add(pattern)
        continue
      }
      found = textFilesIn(resolve(cwd, pattern)).map((file) => join(pattern, file))
    }
    const kept = found.filter((file) => !isIgnored(file)).sort()
    if (found.length === 0) empty.push(pattern)
    else if (kept.length === 0) allIgnored.push(pattern)
    for (const file of kept) add(file)
  }
  return {files, ignored, allIgnored, empty}
}
