import {statSync} from 'node:fs'

/**
 * When postedit looks at its data files (rule packs, gazetteers) again for
 * edits. A long-lived caller (a library user, an editor's language server)
 * must see a pack edited between two calls, so by default every lookup
 * stats the files, which costs about a millisecond a call with some
 * seventy shipped files. A run over a fixed set of files (the CLI's
 * `lintFiles`, its worker threads) holds them instead: the files are
 * checked on the run's first lookup and not again until it ends.
 *
 * An explicit hold rather than a time throttle: whether an edit is seen
 * depends on what the caller did, never on how fast the machine is.
 */

let holds = 0
/** Bumped when a hold starts: a check made during an earlier hold is stale. */
let epoch = 0

/**
 * Hold the data files for a run: until the returned function is called,
 * a set of files checked once is not checked again. Holds nest; the files
 * are looked at again once the last one is released.
 */
export function holdDataFiles(): () => void {
  if (holds === 0) epoch++
  holds++
  let released = false
  return () => {
    if (released) return
    released = true
    holds--
  }
}

/**
 * A cache of what was loaded from a set of data files, keyed by the spec
 * that names them (`default`, files, folders) and checked against the
 * files' stamps as {@link holdDataFiles} allows.
 */
export class DataFileCache<T> {
  private readonly entries = new Map<string, {stamp: string; value: T; epoch: number}>()

  /**
   * The value for `id`: the cached one while the data files are held and
   * it was checked during this hold; else the files (listed by `files`) are
   * stamped and the cached value is kept only if no stamp changed, otherwise
   * `load` builds it afresh from the files.
   */
  get(id: string, files: () => readonly string[], load: (files: readonly string[], stamp: string) => T): T {
    const cached = this.entries.get(id)
    if (cached && holds > 0 && cached.epoch === epoch) return cached.value
    const listed = files()
    const stamp = stampOf(listed)
    if (cached && cached.stamp === stamp) {
      cached.epoch = epoch
      return cached.value
    }
    const value = load(listed, stamp)
    this.entries.set(id, {stamp, value, epoch})
    return value
  }
}

/**
 * The files' paths with their modification times and sizes: a file written
 * again within the file system's clock tick still shows when its length
 * changed.
 */
export function stampOf(files: readonly string[]): string {
  let stamp = ''
  for (const file of files) {
    const {mtimeMs, size} = statSync(file)
    stamp += `${file}@${mtimeMs}:${size}\n`
  }
  return stamp
}
