import {statSync} from 'node:fs'

/**
 * When postedit looks at its data files (rule packs, gazetteers) again for
 * edits.
 *
 * - The shipped data (the `default` packs and gazetteer) is part of the
 *   installed postedit, like its code, which a running process does not
 *   reload either: it is listed and read once per process. Stat-ing its
 *   seventy-odd files before every call cost a tenth of re-checking an
 *   article.
 * - A caller's own packs and gazetteers (house files) are what an editor
 *   edits while a long-lived caller (a library user, the language server)
 *   keeps running: by default every lookup stats them, so a file edited
 *   between two calls is seen by the second.
 * - A run over a fixed set of files (`lintFiles`, its worker threads) holds
 *   them instead ({@link holdDataFiles}): checked at the run's first lookup,
 *   not again until it ends.
 *
 * Explicit rules rather than a time throttle: whether an edit is seen
 * depends on what the caller did, never on how fast the machine is.
 */

/** The spec that names the shipped data. */
const SHIPPED = 'default'

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
 * A cache of what was loaded from data files named by specs (`default`,
 * files, folders), checked for edits as described above.
 */
export class DataFileCache<T> {
  private readonly entries = new Map<string, {stamp: string; value: T; epoch: number}>()
  /** The shipped files, listed once. */
  private shipped: readonly string[] | undefined

  /**
   * @param filesOf The data files a spec names, relative to a folder (throws for a spec that names none).
   */
  constructor(private readonly filesOf: (spec: string, cwd: string) => string[]) {}

  /**
   * The value for `specs` in `cwd`: the cached one while its files are
   * unchanged (or held, or all shipped), else built afresh by `load` from
   * the files and their stamp.
   */
  get(specs: readonly string[], cwd: string, load: (files: readonly string[], stamp: string) => T): T {
    const onlyShipped = specs.every((spec) => spec === SHIPPED)
    // The shipped data is the same from every folder (and a CLI started from
    // the startup snapshot finds it there, loaded in another folder).
    const id = onlyShipped ? specs.join('\u0000') : `${cwd}\u0000${specs.join('\u0000')}`
    const cached = this.entries.get(id)
    if (cached && (onlyShipped || (holds > 0 && cached.epoch === epoch))) return cached.value
    const files: string[] = []
    let stamp = ''
    for (const spec of specs) {
      if (spec === SHIPPED) {
        this.shipped ??= this.filesOf(spec, cwd)
        files.push(...this.shipped)
        stamp += `${SHIPPED}\n`
        continue
      }
      const listed = this.filesOf(spec, cwd)
      files.push(...listed)
      stamp += stampOf(listed)
    }
    if (cached && cached.stamp === stamp) {
      cached.epoch = epoch
      return cached.value
    }
    const value = load(files, stamp)
    this.entries.set(id, {stamp, value, epoch})
    return value
  }
}

/**
 * The files' paths with their modification times and sizes: a file written
 * again within the file system's clock tick still shows when its length
 * changed.
 */
function stampOf(files: readonly string[]): string {
  let stamp = ''
  for (const file of files) {
    const {mtimeMs, size} = statSync(file)
    stamp += `${file}@${mtimeMs}:${size}\n`
  }
  return stamp
}
