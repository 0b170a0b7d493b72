import {isWide} from '../infra/eager-regexp.js'

/**
 * Stands in for every character of Markdown or HTML that is not prose, and
 * for URLs, e-mail addresses and directive lines. It is not a letter, digit,
 * space or punctuation mark any rule looks for, so nothing inside code,
 * front matter, HTML or a link target is flagged or changed, and no phrase
 * or spacing rule reaches across it.
 */
export const MASK = '\uE000'

/**
 * Read access to a text by slices: what the code reading a long text in
 * parts (boilerplate lines, piece cuts) needs, so it can read a masked text
 * without the masked copy of the whole being built.
 */
export interface TextSlices {
  /** Length in UTF-16 code units. */
  readonly length: number
  /** The text from `start` to `end`, as `String.prototype.slice` gives it for `0 <= start <= end <= length`. */
  slice(start: number, end: number): string
  /** Whether slices are stored two bytes per character ({@link isWide} of the whole text). */
  readonly wide: boolean
}

/** A plain string read by slices. */
export function stringSlices(text: string): TextSlices {
  let wide: boolean | undefined
  return {
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    get wide() {
      return (wide ??= isWide(text))
    }
  }
}

const NOT_LINE_BREAK = /[^\r\n]/g

/**
 * A text with ranges hidden behind {@link MASK}, read by slices: the same
 * characters `maskRanges(source, ranges)` gives, masked only when a slice
 * is taken. A long text checked in pieces is held once (two bytes a
 * character when it has any character beyond Latin-1), not twice.
 */
export class MaskedText implements TextSlices {
  readonly length: number
  /** Starts and ends of the hidden ranges: sorted, merged, none empty. */
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  private wideness: boolean | undefined

  /**
   * `source` with every character within `ranges` (which may overlap, touch
   * or come in any order) hidden, line breaks kept.
   */
  constructor(
    readonly source: string,
    ranges: ReadonlyArray<readonly [number, number]>
  ) {
    this.length = source.length
    const sorted = [...ranges].sort((a, b) => a[0] - b[0])
    for (const [from, to] of sorted) {
      const start = Math.max(0, from)
      const end = Math.min(to, source.length)
      if (end <= start) continue
      const last = this.ends.length - 1
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end)
      else {
        this.starts.push(start)
        this.ends.push(end)
      }
    }
  }

  /** Index of the first hidden range that ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    let low = 0
    let high = this.ends.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.ends[middle]! <= offset) low = middle + 1
      else high = middle
    }
    return low
  }

  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.length))
    end = Math.max(start, Math.min(end, this.length))
    let index = this.firstEndingAfter(start)
    if (index === this.starts.length || this.starts[index]! >= end) return this.source.slice(start, end)
    const parts: string[] = []
    let cursor = start
    for (; index < this.starts.length && this.starts[index]! < end; index++) {
      const from = Math.max(this.starts[index]!, cursor)
      const to = Math.min(this.ends[index]!, end)
      parts.push(this.source.slice(cursor, from), this.source.slice(from, to).replace(NOT_LINE_BREAK, MASK))
      cursor = to
    }
    parts.push(this.source.slice(cursor, end))
    return parts.join('')
  }

  /**
   * Whether the masked text is stored two bytes a character: a masked
   * character that is not a line break is {@link MASK}, beyond Latin-1.
   */
  get wide(): boolean {
    if (this.wideness === undefined) {
      const masksSomething = this.starts.some((start, index) => /[^\r\n]/.test(this.source.slice(start, this.ends[index])))
      this.wideness = masksSomething || isWide(this.source)
    }
    return this.wideness
  }
}
