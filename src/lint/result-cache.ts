import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {RULES_DIRECTORY} from '../infra/paths.js'
import type {FileJob, FileOutcome, JsonMessage} from './outcome.js'

/** Default name of the cache file, in the working folder (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_LOCATION = '.postedit-cache'

/** Bumped when the layout of the cache file changes. */
const LAYOUT = 1

/** What the cache remembers of one file. */
interface Entry {
  /** SHA-256 of the file's text. */
  content: string
  /** SHA-256 of everything else that decides the result: options, packs, gazetteers, postedit itself. */
  settings: string
  messages: JsonMessage[]
}

interface CacheFile {
  layout: number
  files: Record<string, Entry>
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

/** Every file at `path` (itself, or everything below a folder), sorted. */
function filesAt(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return (readdirSync(path, {recursive: true, withFileTypes: true}) as Array<{isFile(): boolean; name: string; parentPath: string}>)
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** Hash of each file or folder read in this run: the shipped rules folder is postedit's code, its packs and its gazetteer at once. */
const hashByRoot = new Map<string, string>()

/** Hash of the contents of the file or folder `root`, read once per run. */
function hashOfRoot(root: string): string {
  let digest = hashByRoot.get(root)
  if (digest === undefined) {
    const hash = createHash('sha256')
    for (const file of filesAt(root)) hash.update(file).update('\0').update(readFileSync(file)).update('\0')
    digest = hash.digest('hex')
    hashByRoot.set(root, digest)
  }
  return digest
}

/** Hash of the contents of `paths` (`default` is the shipped rules folder). */
function hashOfPaths(paths: readonly string[], cwd: string): string {
  const hash = createHash('sha256')
  for (const path of paths) hash.update(hashOfRoot(path === 'default' ? RULES_DIRECTORY : resolve(cwd, path))).update('\0')
  return hash.digest('hex')
}

let codeHash: string | undefined

/**
 * postedit itself: its version and its compiled code, so an upgrade (or a
 * local change to a rule) misses the cache.
 */
function posteditCode(): string {
  if (codeHash) return codeHash
  const here = dirname(fileURLToPath(import.meta.url))
  const top = dirname(here)
  const hash = createHash('sha256').update(readFileSync(new URL('../../package.json', import.meta.url)))
  for (const file of filesAt(top)) if (/\.[cm]?[jt]s$/.test(file) && !file.endsWith('.d.ts')) hash.update(file.slice(top.length)).update(readFileSync(file))
  hash.update(hashOfPaths(['default'], top))
  codeHash = hash.digest('hex')
  return codeHash
}

/**
 * A results cache as ESLint's `--cache`: a file whose text and settings
 * (options, configuration, packs, gazetteers, postedit version) are what they
 * were when it was last checked gets the same messages again without being
 * checked. Only standard input is never cached.
 */
export class ResultCache {
  private readonly data: CacheFile
  private readonly settingsByKey = new Map<string, string>()
  private changed = false

  private readonly location: string

  /** `location` is the cache file, or a folder to hold `.postedit-cache`. */
  constructor(
    location: string,
    private readonly cwd: string
  ) {
    this.location = existsSync(location) && statSync(location).isDirectory() ? join(location, DEFAULT_CACHE_LOCATION) : location
    this.data = {layout: LAYOUT, files: {}}
    try {
      const read = JSON.parse(readFileSync(location, 'utf8')) as CacheFile
      if (read.layout === LAYOUT && read.files && typeof read.files === 'object') this.data = read
    } catch {
      // No cache yet, or one we cannot read: start afresh (it is rewritten after the run).
    }
  }

  private settingsOf(job: FileJob): string {
    const key = JSON.stringify([job.options, job.configFiles ?? []])
    let settings = this.settingsByKey.get(key)
    if (settings === undefined) {
      const {packs = ['default'], names = ['default']} = job.options
      const configs = hashOfPaths(job.configFiles ?? [], this.cwd)
      settings = sha256([posteditCode(), key, hashOfPaths(packs, this.cwd), hashOfPaths(names, this.cwd), configs].join('\0'))
      this.settingsByKey.set(key, settings)
    }
    return settings
  }

  private keyOf(job: FileJob): string | undefined {
    return job.path === undefined ? undefined : resolve(this.cwd, job.path)
  }

  /**
   * The outcome of `job` replayed from the cache, or undefined when it must
   * be checked. With fixing on, a file whose remaining messages still carry a
   * fix is checked again, so a fix is never skipped.
   */
  lookup(job: FileJob): FileOutcome | undefined {
    const key = this.keyOf(job)
    const entry = key === undefined ? undefined : this.data.files[key]
    if (!entry || entry.content !== sha256(job.value) || entry.settings !== this.settingsOf(job)) return undefined
    if (job.options.fix && entry.messages.some((message) => message.fix)) return undefined
    return {path: job.path, original: job.value, value: job.value, messages: entry.messages, fixed: 0}
  }

  /**
   * Remember `outcome` of `job`. `onDisk` is the text the file now holds;
   * the messages are about `outcome.value`, so they are kept only when that
   * is what the file holds (not for a dry run or an unwritten fix).
   */
  store(job: FileJob, outcome: FileOutcome, onDisk: string): void {
    const key = this.keyOf(job)
    if (key === undefined) return
    if (outcome.value !== onDisk) {
      if (key in this.data.files) {
        delete this.data.files[key]
        this.changed = true
      }
      return
    }
    this.data.files[key] = {content: sha256(onDisk), settings: this.settingsOf(job), messages: outcome.messages}
    this.changed = true
  }

  /** Write the cache file back, if anything changed. */
  save(): void {
    if (!this.changed) return
    // Written beside and renamed over, so a parallel or interrupted run never reads half a cache.
    const temporary = `${this.location}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(this.data))
    renameSync(temporary, this.location)
  }
}
