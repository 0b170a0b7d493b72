import {availableParallelism} from 'node:os'
import {checkFile, prepareFor, type FileJob, type FileOutcome} from './check-file.js'

/** Below this many files a worker's start-up (loading dictionaries again) costs more than it saves. */
export const POOL_THRESHOLD = 16

/** Files sent to a worker at a time: fewer messages, still small enough to keep both cores busy. */
const BATCH = 8

/**
 * Check `jobs`, in this thread and, when there are enough files to pay for
 * them, in worker threads beside it (one thread per core). Outcomes arrive through
 * `onOutcome` in completion order; the returned list is in job order.
 */
export async function checkAll(jobs: readonly FileJob[], onOutcome: (outcome: FileOutcome, index: number) => void): Promise<FileOutcome[]> {
  // POSTEDIT_WORKERS caps the threads (1: everything in this thread).
  const cap = Number(process.env.POSTEDIT_WORKERS) || availableParallelism()
  const threads = Math.min(cap, availableParallelism(), Math.ceil(jobs.length / POOL_THRESHOLD))
  const outcomes: FileOutcome[] = new Array(jobs.length)
  if (threads < 2) {
    await prepareFor(jobs)
    jobs.forEach((job, index) => {
      outcomes[index] = checkFile(job)
      onOutcome(outcomes[index]!, index)
    })
    return outcomes
  }
  const batches: number[][] = []
  for (let start = 0; start < jobs.length; start += BATCH) {
    batches.push(Array.from({length: Math.min(BATCH, jobs.length - start)}, (_, offset) => start + offset))
  }
  let next = 0
  const take = () => batches[next++]
  const deliver = (indexes: number[], results: FileOutcome[]) => {
    results.forEach((outcome, position) => {
      const index = indexes[position]!
      outcomes[index] = outcome
      onOutcome(outcome, index)
    })
  }
  // This thread works too: the pool adds `threads - 1` workers, so every core is busy.
  const {default: Tinypool} = await import('tinypool')
  const pool = new Tinypool({filename: new URL('./worker.js', import.meta.url).href, minThreads: threads - 1, maxThreads: threads - 1})
  const inWorker = async () => {
    for (let indexes = take(); indexes; indexes = take()) {
      deliver(indexes, (await pool.run(indexes.map((index) => jobs[index]!))) as FileOutcome[])
    }
  }
  const inThisThread = async () => {
    await prepareFor(jobs)
    for (let indexes = take(); indexes; indexes = take()) {
      deliver(
        indexes,
        indexes.map((index) => checkFile(jobs[index]!))
      )
      // Let the workers' results in, and hand them their next batch.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  try {
    // Three batches in flight per worker: it never waits for this thread to hand it the next.
    await Promise.all([inThisThread(), ...Array.from({length: (threads - 1) * 3}, inWorker)])
  } finally {
    await pool.destroy()
  }
  return outcomes
}
