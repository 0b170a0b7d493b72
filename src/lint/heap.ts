import {getHeapStatistics, setFlagsFromString, startupSnapshot} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {afterEachPiece} from '../engine/chunks.js'

/** How far the heap may grow past what the last collection kept before another is forced. */
const HEAP_SLACK = 24 * 2 ** 20

let installed = false

/** The engine's full collection, made callable the first time it is needed; undefined where V8 refuses. */
let collect: (() => void) | undefined | null

function collector(): (() => void) | undefined {
  if (collect !== undefined) return collect ?? undefined
  try {
    // Set here, at the first piece of a long text, never at load: a V8 flag set
    // while the startup snapshot is built makes Node refuse the snapshot at
    // every later start (its flags no longer match the running ones).
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  } catch {
    collect = null
  }
  return collect ?? undefined
}

let tuned = false

/**
 * Turn off V8's allocation-site pretenuring for the rest of the process.
 * Checking a file builds a tree whose nodes live just long enough for V8 to
 * decide that the parser's allocation sites make long-lived objects; from
 * then on every node is allocated straight into the old generation, where
 * only a full collection frees it. Over 1,000 articles the heap grew to
 * 550 MiB of dead trees (while 120 MiB was alive) and the collector's
 * helper threads took a core away from a worker; with pretenuring off the
 * trees die young, in cheap scavenges: 280 MiB peak and less CPU. Set at the
 * first check, never at load, and never while the startup snapshot is built
 * (a flag set then makes Node refuse the snapshot at every start).
 */
function tuneHeapForChecking(): void {
  // Not marked as done while the snapshot is built: the run from it must set the flag.
  if (tuned || startupSnapshot.isBuildingSnapshot()) return
  tuned = true
  try {
    setFlagsFromString('--no-allocation-site-pretenuring')
  } catch {
    // A runtime without V8 flags (none known today) only keeps the default.
  }
}

/** Heap in use after the last forced collection; undefined before the first piece. */
let kept: number | undefined

/** A full collection now, where the engine allows one. */
function collectNow(): void {
  const gc = collector()
  if (!gc) return
  gc()
  kept = getHeapStatistics().used_heap_size
}

/**
 * Texts at least this long (UTF-16 code units) get a full collection before
 * they are checked: the bytes they were decoded from (half to all of the
 * text's size again) are garbage by then, but V8 rarely collects them before
 * the text's masked copy and the first pieces are allocated beside them. For
 * shorter texts the collection costs more than the bytes it frees.
 */
export const COLLECT_BEFORE = 8 * 2 ** 20

/**
 * Keep the heap of a long check bounded: after each piece of a long text,
 * a full collection when the heap has grown {@link HEAP_SLACK} past what the
 * last one kept. Each piece's tree is garbage once it is checked, but V8
 * grows the heap rather than collect it (a 50 MB file peaked at 1.3 GiB
 * while it kept under 300 MiB alive); a forced collection every few pieces
 * costs a few percent of the time. Installed once per process; an article
 * short enough to be checked whole never touches the engine's flags.
 * `length`: that of the text about to be checked (see {@link COLLECT_BEFORE}).
 */
export function boundHeapOfLongTexts(length = 0): void {
  tuneHeapForChecking()
  if (!installed) {
    installed = true
    afterEachPiece(() => {
      const used = getHeapStatistics().used_heap_size
      if (kept === undefined) {
        kept = used
        return
      }
      if (used >= kept + HEAP_SLACK) collectNow()
    })
  }
  if (length >= COLLECT_BEFORE && !startupSnapshot.isBuildingSnapshot()) collectNow()
}
