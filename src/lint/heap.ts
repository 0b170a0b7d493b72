import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {afterEachPiece} from '../engine/chunks.js'

/** How far the heap may grow past what the last collection kept before another is forced. */
const HEAP_SLACK = 32 * 2 ** 20

let collect: (() => void) | undefined

/**
 * Keep the heap of a long check bounded: after each piece of a long text,
 * a full collection when the heap has grown {@link HEAP_SLACK} past what the
 * last one kept. Each piece's tree is garbage once it is checked, but V8
 * grows the heap rather than collect it (a 50 MB file peaked at 1.3 GiB
 * while it kept under 300 MiB alive); a forced collection every few pieces
 * costs a few percent of the time. Installed once per process.
 */
export function boundHeapOfLongTexts(): void {
  if (collect) return
  try {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  } catch {
    return
  }
  let kept = getHeapStatistics().used_heap_size
  afterEachPiece(() => {
    if (getHeapStatistics().used_heap_size < kept + HEAP_SLACK) return
    collect!()
    kept = getHeapStatistics().used_heap_size
  })
}
