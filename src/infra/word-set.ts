/**
 * A large, fixed set of words kept as one sorted string, the offsets of its
 * words and a hash table of their positions: three heap objects where a
 * `Set` holds one string per word and a table of them. The startup
 * snapshot deserialises, and the collector marks, every object on every
 * run; a lookup hashes the word and compares it in place.
 */
/** A {@link WordSet} as plain data, to store (a structured clone keeps it) and read back without sorting or hashing again. */
export interface WordSetData {
  text: string
  starts: Uint32Array
  slots: Uint32Array
}

export class WordSet implements Pick<ReadonlySet<string>, 'has' | 'size'> {
  /** The words, sorted by code unit, with line breaks between them. */
  #text!: string
  /** Offset of each word in `#text`, and one past the text's end last. */
  #starts!: Uint32Array
  /** Open addressing: each slot holds a word's position plus one, or 0 when empty. */
  #slots!: Uint32Array
  /** Reads the three back when the set is first used, after they were moved to a file (see {@link storeApart}). */
  #load: (() => WordSetData) | undefined

  /** A set of `words` (duplicates dropped; a word may not hold a line break), or of the {@link WordSet.data} of another. */
  constructor(words: Iterable<string> | WordSetData) {
    if (isData(words)) {
      this.#text = words.text
      this.#starts = words.starts
      this.#slots = words.slots
      return
    }
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
    // At most half full, so a probe ends after a slot or two.
    let capacity = 8
    while (capacity < sorted.length * 2) capacity *= 2
    this.#slots = new Uint32Array(capacity)
    const mask = capacity - 1
    sorted.forEach((word, index) => {
      let slot = hash(word) & mask
      while (this.#slots[slot] !== 0) slot = (slot + 1) & mask
      this.#slots[slot] = index + 1
    })
  }

  /** The set as plain data: `new WordSet(set.data())` is the same set, built at once. */
  data(): WordSetData {
    if (this.#load) this.#read()
    return {text: this.#text, starts: this.#starts, slots: this.#slots}
  }

  /** Keep only a way to read the set's data back, instead of the data: for the startup snapshot (see `holdForSnapshot` in held.ts). */
  storeApart(load: () => WordSetData): void {
    this.#load = load
    this.#text = ''
    this.#starts = EMPTY
    this.#slots = EMPTY
  }

  #read(): void {
    const {text, starts, slots} = this.#load!()
    this.#load = undefined
    this.#text = text
    this.#starts = starts
    this.#slots = slots
  }

  get size(): number {
    if (this.#load) this.#read()
    return this.#starts.length - 1
  }

  has(word: string): boolean {
    return this.indexOf(word) !== -1
  }

  /** Position of `word` in the sorted words, or -1 when it is not one of them. */
  indexOf(word: string): number {
    if (this.#load) this.#read()
    const mask = this.#slots.length - 1
    for (let slot = hash(word) & mask; ; slot = (slot + 1) & mask) {
      const found = this.#slots[slot]!
      if (found === 0) return -1
      if (this.#isAt(word, found - 1)) return found - 1
    }
  }

  /** The words, sorted by code unit. */
  *[Symbol.iterator](): IterableIterator<string> {
    if (this.#load) this.#read()
    for (let index = 0; index < this.size; index++) yield this.#text.slice(this.#starts[index], this.#starts[index + 1]! - 1)
  }

  /** Whether the word at `index` is `word`, compared in place. */
  #isAt(word: string, index: number): boolean {
    const start = this.#starts[index]!
    if (this.#starts[index + 1]! - start - 1 !== word.length) return false
    for (let offset = 0; offset < word.length; offset++) {
      if (word.charCodeAt(offset) !== this.#text.charCodeAt(start + offset)) return false
    }
    return true
  }
}

const EMPTY = new Uint32Array(0)

const isData = (value: Iterable<string> | WordSetData): value is WordSetData => typeof value === 'object' && value !== null && 'slots' in value && 'starts' in value

/** FNV-1a over the word's code units. */
function hash(word: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < word.length; index++) {
    value ^= word.charCodeAt(index)
    value = Math.imul(value, 0x01000193)
  }
  return value >>> 0
}
