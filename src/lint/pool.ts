import {availableParallelism} from 'node:os'
import {checkFile, prepareFor, type FileJob, type FileOutcome} from './check-file.js'
import {snapshotForWorkers} from './snapshot-blob.js'
import type {BatchWorker} from './snapshot-worker.js'

/**
 * Files per worker, this process included: with fewer, a worker costs more
 * than it saves. A worker process starts in about 0.35 s, and each process
 * warms up on its own (lazily compiled code, per-word caches): its first
 * files cost several times the later ones, about 1 to 2.5 s of CPU for a run
 * over a news corpus (a worker thread also loads every dictionary again).
 */
export const POOL_THRESHOLD = 64

/**
 * Cores one checking process keeps busy: the thread that checks text, and
 * V8's thread that compiles the hot code beside it (about 2 s of CPU per
 * process on 1,000 articles, nearly half of what checking them costs).
 * One process over 1,000 articles used 1.57 cores of two; a second process on
 * those two cores only shared them, and compiled the same code again: the
 * run took 1.27x as long (2.89 s against 3.66 s).
 */
const CORES_PER_PROCESS = 2

/**
 * How many processes check `files` files, this one included: one per
 * {@link CORES_PER_PROCESS} cores, and no more than gives each
 * {@link POOL_THRESHOLD} files. `requested` (POSTEDIT_WORKERS) sets the
 * number instead, up to one per core; 1 keeps everything in this process.
 */
export function processesFor(files: number, cores: number, requested?: number): number {
  const wanted = requested && requested > 0 ? Math.min(Math.floor(requested), cores) : Math.floor(cores / CORES_PER_PROCESS)
  return Math.max(1, Math.min(wanted, Math.ceil(files / POOL_THRESHOLD)))
}

/** Files sent to a worker at a time: fewer messages, still small enough to keep both cores busy. */
const BATCH = 8

/** Batches in flight per worker: it never waits for this thread to hand it the next. */
const IN_FLIGHT = 2

/**
 * Check `jobs`, in this thread and, when there are enough files and cores to
 * pay for them, in workers beside it ({@link processesFor}): processes started from the CLI's
 * startup snapshot when there is one for this install (everything loaded in
 * 0.35 s), else worker threads (each loads packs and dictionaries again). Outcomes
 * arrive through `onOutcome` in completion order; the returned list is in job
 * order. A batch a worker cannot check is checked in this thread.
 */
export async function checkAll(jobs: readonly FileJob[], onOutcome: (outcome: FileOutcome, index: number) => void): Promise<FileOutcome[]> {
  // POSTEDIT_WORKERS: how many processes, this one included (1: everything in this one).
  const helpers = processesFor(jobs.length, availableParallelism(), Number(process.env.POSTEDIT_WORKERS) || undefined) - 1
  const outcomes: FileOutcome[] = new Array(jobs.length)
  if (helpers < 1) {
    await prepareFor(jobs)
    jobs.forEach((job, index) => {
      outcomes[index] = checkFile(job)
      onOutcome(outcomes[index]!, index)
    })
    return outcomes
  }
  const batches: number[][] = []
  // Smaller batches towards the end, so that no process waits long for another's last one.
  for (let start = 0; start < jobs.length; ) {
    const size = Math.max(1, Math.min(BATCH, Math.ceil((jobs.length - start) / (4 * (helpers + 1)))))
    batches.push(Array.from({length: size}, (_, offset) => start + offset))
    start += size
  }
  // Batches a worker could not check, taken before the others.
  const returned: number[][] = []
  let next = 0
  const take = () => returned.shift() ?? batches[next++]
  const deliver = (indexes: number[], results: FileOutcome[]) => {
    results.forEach((outcome, position) => {
      const index = indexes[position]!
      outcomes[index] = outcome
      onOutcome(outcome, index)
    })
  }
  const checkHere = (indexes: number[]) =>
    deliver(
      indexes,
      indexes.map((index) => checkFile(jobs[index]!))
    )
  const workers = await startWorkers(helpers)
  const inWorker = async (worker: BatchWorker) => {
    for (let indexes = take(); indexes; indexes = take()) {
      try {
        deliver(indexes, await worker.run(indexes.map((index) => jobs[index]!)))
      } catch {
        // This thread checks it (and throws what the worker threw, if it does), without that worker.
        returned.push(indexes)
        return
      }
    }
  }
  const inThisThread = async () => {
    await prepareFor(jobs)
    for (let indexes = take(); indexes; indexes = take()) {
      checkHere(indexes)
      // Let the workers' results in, and hand them their next batch.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  try {
    await Promise.all([inThisThread(), ...workers.flatMap(({worker, slots}) => Array.from({length: slots}, () => inWorker(worker)))])
    // Returned after this thread had taken its last batch.
    for (let indexes = returned.shift(); indexes; indexes = returned.shift()) checkHere(indexes)
  } finally {
    await Promise.all(workers.map(({worker}) => worker.close()))
  }
  return outcomes
}

/** `count` workers, each with how many batches it is given at a time. */
async function startWorkers(count: number): Promise<Array<{worker: BatchWorker; slots: number}>> {
  const blob = snapshotForWorkers()
  if (blob) {
    const {startSnapshotWorker} = await import('./snapshot-worker.js')
    return Array.from({length: count}, () => ({worker: startSnapshotWorker(blob), slots: IN_FLIGHT}))
  }
  const {default: Tinypool} = await import('tinypool')
  const pool = new Tinypool({filename: new URL('./worker.js', import.meta.url).href, minThreads: count, maxThreads: count})
  const worker: BatchWorker = {run: (jobs) => pool.run(jobs) as Promise<FileOutcome[]>, close: () => pool.destroy()}
  // Three batches in flight per thread: the threads share one queue.
  return [{worker, slots: count * 3}]
}
