import {createHash} from 'node:crypto'
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {join} from 'node:path'
import {deserialize, serialize} from 'node:v8'

/**
 * A cache of data that passed validation (packs that passed their own
 * examples, gazetteers, dictionary word forms), keyed by a hash of
 * everything its validity depends on (the data's text, the schema, the code
 * that checks it). A changed pack misses and is checked again, so the cache
 * never lets a broken pack load; it only spares a large newsroom glossary
 * the YAML parse and self-test on every run.
 *
 * What is read from the cache decides what `--fix` writes, so it must come
 * from the user alone: the cache lives in a folder of the user's own (see
 * {@link cacheDirectory}), created private (0700); a folder another user owns
 * or may write to is not used at all; and each entry carries the SHA-256 of
 * its content, checked on every read, so a torn or edited entry is a miss.
 */
export interface PackCache {
  get(key: string): unknown
  set(key: string, value: unknown): void
  /**
   * A structure stored with V8's serializer (Maps, Sets, RegExps and shared
   * references survive, prototypes do not): what is derived from data, such
   * as the gazetteer's index, is read back in a tenth of the time it takes
   * to build. Keys must include {@link SNAPSHOT_FORMAT}.
   */
  getSnapshot(key: string): unknown
  setSnapshot(key: string, value: unknown): void
}

// Read through globalThis: the browser bundle loads this module too, and has no `process` (nor a disk cache).
/** What a snapshot's bytes depend on besides its inputs: the serializer of this Node. */
export const SNAPSHOT_FORMAT = `v8-${globalThis.process?.versions?.v8 ?? 'none'}`

/** Key for a pack's text under the given schema and engine version. */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('hex')
}

/** Entries kept at most; the least recently used go first. */
export const MAX_ENTRIES = 128
/** Entries unused this long are removed. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000

const ENTRY = /^pack-[0-9a-f]{64}\.(?:json|v8)$/

/**
 * The cache folder, the first of: `POSTEDIT_CACHE_DIR`;
 * `node_modules/.cache/postedit` under the working folder when
 * `node_modules` exists (where build tools keep theirs); `$XDG_CACHE_HOME/postedit`
 * or `~/.cache/postedit`; else `postedit-<uid>` in the system's temporary
 * folder. Whichever it is, {@link fileCache} uses it only when it is safe.
 */
export function cacheDirectory(cwd = process.cwd()): string {
  if (process.env.POSTEDIT_CACHE_DIR) return process.env.POSTEDIT_CACHE_DIR
  const modules = join(cwd, 'node_modules')
  // Never create node_modules in a folder of articles.
  if (existsSync(modules)) return join(modules, '.cache', 'postedit')
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'postedit')
  const home = safeHome()
  if (home) return join(home, '.cache', 'postedit')
  return join(tmpdir(), `postedit-${process.getuid?.() ?? 'user'}`)
}

function safeHome(): string | undefined {
  try {
    return homedir() || undefined
  } catch {
    return undefined
  }
}

/**
 * Whether `directory` may hold this user's cache: a real folder (not a
 * link), owned by the user, that no one else may write to. Windows has no
 * owner or mode bits here; its per-user folders are private already.
 */
export function isPrivateFolder(directory: string): boolean {
  try {
    const stats = lstatSync(directory)
    if (!stats.isDirectory()) return false
    const uid = process.getuid?.()
    if (uid === undefined) return true
    return stats.uid === uid && (stats.mode & 0o022) === 0
  } catch {
    return false
  }
}

/** Create `directory` private to the user if it is missing; whether it can be used. */
function preparedFolder(directory: string): boolean {
  try {
    if (!existsSync(directory)) mkdirSync(directory, {recursive: true, mode: 0o700})
  } catch {
    return false
  }
  return isPrivateFolder(directory)
}

/** An entry as stored: the SHA-256 of the JSON, a line break, the JSON. */
function sealed(value: unknown): string {
  const json = JSON.stringify(value)
  return `${createHash('sha256').update(json).digest('hex')}\n${json}`
}

/** The value of a stored entry, or undefined when its hash does not match. */
function unsealed(text: string): unknown {
  const newline = text.indexOf('\n')
  if (newline !== 64) return undefined
  const json = text.slice(65)
  if (createHash('sha256').update(json).digest('hex') !== text.slice(0, 64)) return undefined
  return JSON.parse(json) as unknown
}

/** A snapshot as stored: the SHA-256 of the serialized bytes (32 bytes), then the bytes. */
function sealedSnapshot(value: unknown): Buffer {
  const bytes = serialize(value)
  return Buffer.concat([createHash('sha256').update(bytes).digest(), bytes])
}

/** The value of a stored snapshot, or undefined when its hash does not match. */
function unsealedSnapshot(stored: Buffer): unknown {
  if (stored.length < 32) return undefined
  const bytes = stored.subarray(32)
  if (!createHash('sha256').update(bytes).digest().equals(stored.subarray(0, 32))) return undefined
  return deserialize(bytes) as unknown
}

/** Remove entries beyond {@link MAX_ENTRIES} (least recently used first) and those older than {@link MAX_AGE_MS}. */
function evict(directory: string, now = Date.now()): void {
  const entries: Array<{path: string; used: number}> = []
  for (const name of readdirSync(directory)) {
    const path = join(directory, name)
    try {
      // Leftover temporary files of an interrupted write go too, once old.
      if (!ENTRY.test(name) && !/\.tmp$/.test(name)) continue
      entries.push({path, used: statSync(path).mtimeMs})
    } catch {
      // Removed meanwhile.
    }
  }
  entries.sort((a, b) => b.used - a.used)
  entries.forEach((entry, index) => {
    if (index >= MAX_ENTRIES || now - entry.used > MAX_AGE_MS || (entry.path.endsWith('.tmp') && now - entry.used > 60_000)) {
      try {
        unlinkSync(entry.path)
      } catch {
        // Another process removed it first.
      }
    }
  })
}

/** A cache in `directory`; with `directory` false, or a folder that is not safe, a cache that keeps nothing. */
export function fileCache(directory: string | false): PackCache {
  const nothing: PackCache = {get: () => undefined, set: () => {}, getSnapshot: () => undefined, setSnapshot: () => {}}
  if (directory === false || !preparedFolder(directory)) return nothing
  const path = (key: string, extension = 'json') => join(directory, `pack-${key}.${extension}`)
  let written = false
  const read = <T>(file: string, open: () => T | undefined): T | undefined => {
    try {
      const value = open()
      // Mark it used, so eviction keeps what runs need.
      if (value !== undefined) utimesSync(file, new Date(), new Date())
      return value
    } catch {
      // Missing, unreadable or not well formed: a miss.
      return undefined
    }
  }
  const write = (file: string, content: () => string | Buffer): void => {
    try {
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, content(), {mode: 0o600})
      renameSync(temporary, file)
      // Once per process is enough to keep the folder small.
      if (!written) evict(directory)
      written = true
    } catch {
      // A read-only folder: run without a cache.
    }
  }
  return {
    get: (key) => read(path(key), () => unsealed(readFileSync(path(key), 'utf8'))),
    set: (key, value) => write(path(key), () => sealed(value)),
    getSnapshot: (key) => read(path(key, 'v8'), () => unsealedSnapshot(readFileSync(path(key, 'v8')))),
    // A value the serializer refuses (a function) is simply not stored.
    setSnapshot: (key, value) => write(path(key, 'v8'), () => sealedSnapshot(value))
  }
}

let shared: PackCache | undefined

/**
 * The process's cache of checked data (packs, gazetteers, word forms), in
 * {@link cacheDirectory}; `POSTEDIT_CACHE=0` makes it keep nothing.
 */
export function sharedCache(): PackCache {
  shared ??= fileCache(process.env.POSTEDIT_CACHE === '0' ? false : cacheDirectory())
  return shared
}

/** Forget the process's cache (a startup snapshot is taken with none: each run opens its own). */
export function forgetSharedCache(): void {
  shared = undefined
}
