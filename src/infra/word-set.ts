/**
 * A large, fixed set of words kept as one sorted string and the offsets of
 * its words: two heap objects where a `Set` holds one string per word and a
 * hash table. The startup snapshot deserialises, and the collector marks,
 * every object on every run; a lookup is a binary search instead of a hash,
 * and callers look each word type up once (see engine/word-cache.ts).
 */
export class WordSet implements Pick<ReadonlySet<string>, 'has' | 'size'> {
  /** The words, sorted by code unit, each followed by a line break. */
  readonly #text: string
  /** Offset of each word in `#text`, and the text's length last. */
  readonly #starts: Uint32Array

  /** A set of `words` (duplicates dropped; a word may not hold a line break). */
  constructor(words: Iterable<string>) {
    const sorted = [...new Set(words)].filter((word) => !word.includes('\n')).sort()
    this.#text = sorted.length === 0 ? '' : `${sorted.join('\n')}\n`
    this.#starts = new Uint32Array(sorted.length + 1)
    let offset = 0
    sorted.forEach((word, index) => {
      this.#starts[index] = offset
      offset += word.length + 1
    })
    this.#starts[sorted.length] = offset
  }

  get size(): number {
    return this.#starts.length - 1
  }

  has(word: string): boolean {
    let low = 0
    let high = this.#starts.length - 2
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = this.#compare(word, middle)
      if (order === 0) return true
      if (order < 0) high = middle - 1
      else low = middle + 1
    }
    return false
  }

  /** The words, sorted by code unit. */
  *[Symbol.iterator](): IterableIterator<string> {
    for (let index = 0; index < this.size; index++) yield this.#text.slice(this.#starts[index], this.#starts[index + 1]! - 1)
  }

  /** `word` against the word at `index`, by code unit, without cutting it out. */
  #compare(word: string, index: number): number {
    const start = this.#starts[index]!
    const length = this.#starts[index + 1]! - start - 1
    const shorter = Math.min(word.length, length)
    for (let offset = 0; offset < shorter; offset++) {
      const difference = word.charCodeAt(offset) - this.#text.charCodeAt(start + offset)
      if (difference !== 0) return difference
    }
    return word.length - length
  }
}
