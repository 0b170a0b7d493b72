import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * A cache of packs that passed validation and their own examples, keyed by
 * a hash of everything their validity depends on (the pack's text, the
 * schema, postedit's version). A changed pack misses and is checked again,
 * so the cache never lets a broken pack load; it only spares a large
 * newsroom glossary the YAML parse and self-test on every run.
 */
export interface PackCache {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

/** Key for a pack's text under the given schema and engine version. */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('hex')
}

/**
 * The cache folder: `POSTEDIT_CACHE_DIR`, else `node_modules/.cache/postedit`
 * under the working folder when `node_modules` exists (where build tools keep
 * theirs), else a folder in the system's temporary directory.
 */
export function cacheDirectory(cwd = process.cwd()): string {
  if (process.env.POSTEDIT_CACHE_DIR) return process.env.POSTEDIT_CACHE_DIR
  const modules = join(cwd, 'node_modules')
  // Never create node_modules in a folder of articles.
  return existsSync(modules) ? join(modules, '.cache', 'postedit') : join(tmpdir(), 'postedit-cache')
}

/** A cache in `directory`; with `directory` false, a cache that keeps nothing. */
export function fileCache(directory: string | false): PackCache {
  if (directory === false) return {get: () => undefined, set: () => {}}
  const fallback = join(tmpdir(), 'postedit-cache')
  const path = (dir: string, key: string) => join(dir, `pack-${key}.json`)
  return {
    get(key) {
      for (const dir of [directory, fallback]) {
        try {
          return JSON.parse(readFileSync(path(dir, key), 'utf8')) as unknown
        } catch {
          // Missing or unreadable: treat as a miss.
        }
      }
      return undefined
    },
    set(key, value) {
      for (const dir of [directory, fallback]) {
        try {
          mkdirSync(dir, {recursive: true})
          const temporary = `${path(dir, key)}.${process.pid}.tmp`
          writeFileSync(temporary, JSON.stringify(value))
          renameSync(temporary, path(dir, key))
          return
        } catch {
          // A read-only folder: try the next one, else run without a cache.
        }
      }
    }
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
