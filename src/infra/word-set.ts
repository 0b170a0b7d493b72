/**
 * A large, fixed set of words kept as one sorted string and the offsets of
 * its words: two heap objects where a `Set` holds one string per word and a
 * hash table. The startup snapshot deserialises, and the collector marks,
 * every object on every run; a lookup is a binary search instead of a hash,
 * and callers look each word type up once (see engine/word-cache.ts).
 */
export class WordSet implements Pick<ReadonlySet<string>, 'has' | 'size'> {
  /** The words, sorted by code unit, with line breaks between them. */
  readonly #text: string
  /** Offset of each word in `#text`, and one past the text's end last. */
  readonly #starts: Uint32Array

  /** A set of `words` (duplicates dropped; a word may not hold a line break). */
  constructor(words: Iterable<string>) {
    // Sorting what is sorted already (lists kept sorted in the cache) is one comparison a word.
    const all = Array.from(words).sort()
    const sorted: string[] = []
    for (const word of all) if (word !== sorted.at(-1) && !word.includes('\n')) sorted.push(word)
    // Joined once, so the text is one flat string (concatenating to it would make a rope).
    this.#text = sorted.join('\n')
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
    return this.indexOf(word) !== -1
  }

  /** Position of `word` in the sorted words, or -1 when it is not one of them. */
  indexOf(word: string): number {
    let low = 0
    let high = this.#starts.length - 2
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = this.#compare(word, middle)
      if (order === 0) return middle
      if (order < 0) high = middle - 1
      else low = middle + 1
    }
    return -1
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
