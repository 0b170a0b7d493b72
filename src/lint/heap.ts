import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {afterEachPiece} from '../engine/chunks.js'

/** How far the heap may grow past what the last collection kept before another is forced. */
const HEAP_SLACK = 32 * 2 ** 20

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

/**
 * Keep the heap of a long check bounded: after each piece of a long text,
 * a full collection when the heap has grown {@link HEAP_SLACK} past what the
 * last one kept. Each piece's tree is garbage once it is checked, but V8
 * grows the heap rather than collect it (a 50 MB file peaked at 1.3 GiB
 * while it kept under 300 MiB alive); a forced collection every few pieces
 * costs a few percent of the time. Installed once per process; an article
 * short enough to be checked whole never touches the engine's flags.
 */
export function boundHeapOfLongTexts(): void {
  if (installed) return
  installed = true
  let kept: number | undefined
  afterEachPiece(() => {
    const used = getHeapStatistics().used_heap_size
    if (kept === undefined) {
      kept = used
      return
    }
    if (used < kept + HEAP_SLACK) return
    const gc = collector()
    if (!gc) return
    gc()
    kept = getHeapStatistics().used_heap_size
  })
}
