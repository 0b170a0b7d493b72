/**
 * Cutting a long input into pieces the parser handles in linear time.
 *
 * parse-english first reads a whole text as one sentence and merges tokens
 * with `Array#splice`, which costs time quadratic in the length of the text
 * (a 20 MB file took minutes, 50 MB ran out of heap; postedit's parser,
 * `src/parse/`, merges in one pass, but its tree is the same), and the tree
 * holds about 100 bytes per character. A text longer than a threshold is therefore
 * checked piece by piece: pieces end at blank lines, which always end a
 * paragraph, so every paragraph and word is what the whole parse would give.
 * Only a paragraph longer than a piece is cut inside, at a sentence end, else
 * a line end, else a space.
 */

/** Limits of chunked checking, in UTF-16 code units. */
export interface ChunkLimits {
  /** Texts up to this long are checked whole. */
  threshold: number
  /** Length a piece aims at (never more). */
  size: number
}

/** Default limits: a news article (a few kB to tens of kB) is always checked whole. */
export const DEFAULT_CHUNKING: Readonly<ChunkLimits> = {threshold: 256 * 1024, size: 64 * 1024}

let limits: ChunkLimits = {...DEFAULT_CHUNKING}

/** The limits in force. */
export function chunkLimits(): Readonly<ChunkLimits> {
  return limits
}

/**
 * Run `action` with other limits (tests use tiny ones to compare chunked
 * and whole runs on short texts), then restore the defaults.
 */
export function withChunkLimits<T>(next: ChunkLimits, action: () => T): T {
  const previous = limits
  limits = next
  try {
    return action()
  } finally {
    limits = previous
  }
}

let pieceHook: (() => void) | undefined

/**
 * Have `hook` called after each piece of a long text is checked (the CLI
 * collects garbage there when the heap has grown: V8 otherwise lets the
 * trees of dropped pieces pile up to gigabytes before collecting them).
 * `undefined` removes it.
 */
export function afterEachPiece(hook: (() => void) | undefined): void {
  pieceHook = hook
}

/** Call the hook set by {@link afterEachPiece}, if any. */
export function pieceChecked(): void {
  pieceHook?.()
}

const BLANK_LINE = /(?:\r?\n|\r)[\t ]*(?:\r?\n|\r)/g
const SENTENCE_LINE_END = /[.!?\u2026\u061F]["'\u201D\u2019)\]]*[\t ]*(?:\r?\n|\r)/g
const LINE_END = /\r?\n|\r/g
const SPACE = /\s+/g

/** End of the last match of `pattern` in `window`, or -1. */
function lastMatchEnd(pattern: RegExp, window: string): number {
  let end = -1
  pattern.lastIndex = 0
  for (let match = pattern.exec(window); match; match = pattern.exec(window)) end = match.index + match[0].length
  return end
}

/**
 * Where to cut `text` into pieces of at most `size` code units: `[start,
 * end)` ranges that cover it in order. Each piece ends after a blank line
 * when its window has one; a paragraph longer than `size` is cut after a
 * sentence end, a line end or a space, and as a last resort anywhere but
 * inside a surrogate pair. `text` is a string or anything read by slices
 * like one (a masked text that masks only the windows it is asked for).
 */
export function chunkRanges(text: {readonly length: number; slice(start: number, end: number): string}, size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let start = 0
  while (text.length - start > size) {
    // Look only in the piece's own window, so finding cuts stays linear.
    const window = text.slice(start, start + size)
    let cut = -1
    for (const pattern of [BLANK_LINE, SENTENCE_LINE_END, LINE_END, SPACE]) {
      cut = lastMatchEnd(pattern, window)
      // A cut at the window's very start would make no progress.
      if (cut > 0 && cut < window.length + 1) break
      cut = -1
    }
    if (cut <= 0) {
      cut = size
      // The window is `size` long here: the text goes on past it.
      const code = window.charCodeAt(cut - 1)
      if (code >= 0xd800 && code <= 0xdbff) cut--
    }
    ranges.push([start, start + cut])
    start += cut
  }
  if (start < text.length || ranges.length === 0) ranges.push([start, text.length])
  return ranges
}

/**
 * What the pieces of one long text share, so that per-file rules treat them
 * as one file: the spelling rule's suggestion budget, the names it reported
 * (with how often each occurs), and whether it said the budget ran out.
 */
export interface PieceState {
  suggested: Set<string>
  names: Map<string, number>
  overflowReported: boolean
}

declare module 'vfile' {
  interface DataMap {
    /** Set on a piece of a long text checked piece by piece. */
    posteditPiece: boolean
    /** State shared by all pieces of the same text. */
    posteditPieces: PieceState
  }
}
