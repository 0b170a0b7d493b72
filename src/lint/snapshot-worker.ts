import {spawn, type ChildProcess} from 'node:child_process'
import {checkFile, prepareFor, type FileJob, type FileOutcome} from './check-file.js'
import {SNAPSHOT_NODE_OPTIONS} from './snapshot-blob.js'

/**
 * Worker processes started from the CLI's V8 startup snapshot. A worker
 * thread cannot start from a snapshot, so each thread loads packs,
 * dictionaries and gazetteer again (about 1.6 s of CPU); a child Node started
 * from the snapshot blob the CLI itself runs from has them loaded already
 * (about 0.35 s to start). Batches of jobs go over an IPC channel with V8
 * serialisation (the structured clone worker threads use), outcomes come back
 * the same way.
 */

/** The argument that starts the CLI's main() as a worker serving its parent (never typed by a user). */
export const SNAPSHOT_WORKER_ARGUMENT = '--internal-snapshot-worker'

interface BatchMessage {
  id: number
  jobs: FileJob[]
}

type ReplyMessage = {id: number; outcomes: FileOutcome[]} | {id: number; error: string}

/** A helper that checks batches of files beside this thread. */
export interface BatchWorker {
  /** Check `jobs`; rejects when the worker cannot (the caller checks them itself). */
  run(jobs: FileJob[]): Promise<FileOutcome[]>
  /** Let the worker go and wait until it has ended. */
  close(): Promise<void>
}

/**
 * Start a worker process from the startup snapshot `blob`. It ends when this
 * process closes it or ends (its IPC channel closes): it never outlives the run.
 */
export function startSnapshotWorker(blob: string): BatchWorker {
  const child: ChildProcess = spawn(process.execPath, [...SNAPSHOT_NODE_OPTIONS, '--snapshot-blob', blob, '--', SNAPSHOT_WORKER_ARGUMENT], {
    // Its standard output is not the report's; its errors are the user's to see.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced'
  })
  const pending = new Map<number, {resolve: (outcomes: FileOutcome[]) => void; reject: (error: Error) => void}>()
  let nextId = 0
  let ended: Error | undefined
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      fail(new Error(`postedit: a worker process ended (${signal ?? `exit ${code}`})`))
      resolve()
    })
  })
  const fail = (error: Error) => {
    ended ??= error
    for (const waiting of pending.values()) waiting.reject(ended)
    pending.clear()
  }
  // Not started (no such Node): every batch is checked by the caller.
  child.once('error', fail)
  child.on('message', (reply: ReplyMessage) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if ('error' in reply) waiting?.reject(new Error(reply.error))
    else waiting?.resolve(reply.outcomes)
  })
  return {
    run(jobs) {
      if (ended) return Promise.reject(ended)
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, {resolve, reject})
        child.send({id, jobs} satisfies BatchMessage, (error) => {
          if (error) fail(error)
        })
      })
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        // Idle, it ends when let go; still checking (the run failed), nobody wants its results.
        if (pending.size > 0) child.kill('SIGKILL')
        else if (child.connected) child.disconnect()
        await exited
      }
    }
  }
}

/**
 * The worker's side (main() with {@link SNAPSHOT_WORKER_ARGUMENT}): check each
 * batch the parent sends, in order, and reply with the outcomes or the error;
 * resolve with the exit code when the parent lets go or ends.
 */
export function serveParent(): Promise<number> {
  const send = process.send?.bind(process)
  if (!send) {
    process.stderr.write('postedit: the worker mode is started by postedit itself, with an IPC channel\n')
    return Promise.resolve(2)
  }
  return new Promise((resolve) => {
    let queue = Promise.resolve()
    process.on('message', (message: BatchMessage) => {
      queue = queue.then(async () => {
        // Through the event loop first, which tells whether the parent is gone: then nobody wants the rest.
        await new Promise((resolve) => setImmediate(resolve))
        if (!process.connected) return
        let reply: ReplyMessage
        try {
          await prepareFor(message.jobs)
          reply = {id: message.id, outcomes: message.jobs.map(checkFile)}
        } catch (error) {
          reply = {id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)}
        }
        if (process.connected) send(reply)
      })
    })
    process.once('disconnect', () => resolve(0))
  })
}
