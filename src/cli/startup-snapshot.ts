/**
 * The V8 startup snapshot of the CLI (`npm run build` writes it, see
 * scripts/build-snapshot.mjs): a heap with postedit's modules evaluated and
 * its default data loaded (packs compiled, gazetteer indexed, dictionaries,
 * word lists), so a run starts from there instead of loading them again.
 * It is used only when it was built by this Node for this very install and
 * data (see {@link snapshotKey}); otherwise the CLI runs as it always did.
 */
import {spawn, spawnSync} from 'node:child_process'
import {BLOB, SNAPSHOT_NODE_OPTIONS, snapshotFault} from '../lint/snapshot-blob.js'

// The build (scripts/build-snapshot.mjs) writes the key, and builds with the options, from here.
export {SNAPSHOT_DIRECTORY, SNAPSHOT_NODE_OPTIONS, snapshotKey} from '../lint/snapshot-blob.js'

/** Node's exit code when it cannot deserialise a startup snapshot; postedit's own codes are 0, 1 and 2. */
const NODE_REFUSED_SNAPSHOT = 14

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
  return snapshotFault()
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
  const child = spawn(process.execPath, [...SNAPSHOT_NODE_OPTIONS, '--snapshot-blob', BLOB, '--', ...args], {stdio: 'inherit', env: {...process.env, POSTEDIT_SNAPSHOT: '0'}})
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
 * In a Node that `dist/bin/postedit` started from the snapshot (see
 * scripts/launcher.sh), which a shell script cannot check against the
 * install and data: when the snapshot no longer matches them (a pack edited
 * since the build), run the command line the usual way, in a child Node
 * without the snapshot, and return its exit code; undefined when the
 * snapshot serves the run. The launcher names the CLI to fall back to in
 * `POSTEDIT_SNAPSHOT_CHECK`: a moved install holds its old paths in the
 * snapshot's heap.
 */
export function runIfStale(args: readonly string[]): number | undefined {
  const cli = process.env.POSTEDIT_SNAPSHOT_CHECK
  if (!cli) return undefined
  // Not for the runs this one starts (the pool's workers).
  delete process.env.POSTEDIT_SNAPSHOT_CHECK
  if (snapshotFault() === undefined) return undefined
  const child = spawnSync(process.execPath, [cli, ...args], {stdio: 'inherit', env: {...process.env, POSTEDIT_SNAPSHOT: '0'}})
  if (child.signal) {
    process.kill(process.pid, child.signal)
    return 2
  }
  return child.status ?? 2
}
