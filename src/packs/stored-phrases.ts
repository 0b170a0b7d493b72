import {deserialize, serialize} from 'node:v8'
import type {PhraseRule, PhraseValue} from './compile.js'
import {WordSet} from '../infra/word-set.js'
import {PhraseMatcher, type PhraseBranches, type PhraseNode} from './phrase-matcher.js'

/**
 * A phrase matcher as the cache stores it: its branches serialised one by
 * one into one byte array, each read back only when a text reaches it.
 * Bytes cost a copy to read (from the cache, or from a startup snapshot's
 * heap), where the same trie as objects costs tens of megabytes of heap and
 * a quarter of a second to rebuild on every run.
 *
 * A branch is a first word's subtree; a large one (`the` starts some
 * 24,000 nodes of slot expansions) is cut again below it, each child
 * stored as a branch of its own, so an article pays for the two-word starts
 * it has, not for every phrase that starts with `the`.
 */
export interface StoredPhrases {
  size: number
  numbers: boolean
  /** Paths of the branches (their words joined by {@link SEPARATOR}), sorted by code unit, in the order of their bytes. */
  keys: string[]
  /** End offset in `bytes` of each branch (its start is the previous end). */
  ends: Uint32Array
  bytes: Uint8Array
  /** The rules the branches' targets point to, by index (shared with the rest of the rule set). */
  rules: PhraseRule[]
}

/** Joins the words of a branch's path: no word holds it. */
const SEPARATOR = '\u0000'
/** A branch whose bytes are more than this stores each of its children as a branch of its own. */
const SPLIT_BYTES = 4096

/** A branch's value as stored: its rule by index into {@link StoredPhrases.rules}. */
type StoredValue = Exclude<PhraseValue, {kind: 'rule'}> | {kind: 'rule'; rule: number; replacements: string[]}

/** A node as stored: `split` when each of its children is stored as a branch of its own. */
type StoredNode = PhraseNode<StoredValue> & {split?: true}

/** `matcher`'s trie as stored data (every branch read in first). */
export function storePhrases(matcher: PhraseMatcher<PhraseValue>): StoredPhrases {
  const {root, size, numbers} = matcher.state()
  const rules: PhraseRule[] = []
  const indexes = new Map<PhraseRule, number>()
  const index = (rule: PhraseRule) => {
    let found = indexes.get(rule)
    if (found === undefined) {
      found = rules.push(rule) - 1
      indexes.set(rule, found)
    }
    return found
  }
  const branches = new Map<string, Buffer>()

  /** A copy of `node` with rules by index; with `split`, each child is stored as a branch of its own. */
  const encode = (node: PhraseNode<PhraseValue>, path: string, split: boolean): StoredNode => {
    const encoded: StoredNode = {
      next: undefined,
      targets: node.targets?.map((target) => ({
        ...target,
        value: target.value.kind === 'rule' ? {...target.value, rule: index(target.value.rule)} : target.value
      }))
    }
    if (split && node.next) {
      encoded.split = true
      for (const [word, child] of node.next) store(path + SEPARATOR + word, child)
      return encoded
    }
    for (const [word, child] of node.next ?? []) (encoded.next ??= new Map()).set(word, encode(child, path + SEPARATOR + word, false))
    return encoded
  }
  const store = (path: string, node: PhraseNode<PhraseValue>) => {
    const whole = serialize(encode(node, path, false))
    branches.set(path, whole.length > SPLIT_BYTES && node.next ? serialize(encode(node, path, true)) : whole)
  }
  for (const [word, node] of root) store(word, node)

  // Sorted as a WordSet sorts, so a branch's position there is its place in the bytes.
  const keys = [...branches.keys()].sort()
  const chunks = keys.map((key) => branches.get(key)!)
  const ends = new Uint32Array(keys.length)
  let end = 0
  chunks.forEach((chunk, position) => {
    end += chunk.length
    ends[position] = end
  })
  return {size, numbers, keys, ends, bytes: new Uint8Array(Buffer.concat(chunks, end)), rules}
}

/**
 * The children of a node whose branches are stored apart: each is read the
 * first time it is asked for (a word that starts none is remembered as
 * such). Walking it, or asking its size, reads them all.
 */
class ChildrenApart extends Map<string, PhraseNode<PhraseValue>> {
  readonly #path: string
  readonly #read: (path: string) => PhraseNode<PhraseValue> | undefined
  /** The words of all its children, for a walk over them. */
  readonly #words: () => string[]
  readonly #absent = new Set<string>()
  #complete = false

  constructor(path: string, read: (path: string) => PhraseNode<PhraseValue> | undefined, words: () => string[]) {
    super()
    this.#path = path
    this.#read = read
    this.#words = words
  }

  #take(word: string): void {
    if (this.#complete || super.has(word) || this.#absent.has(word)) return
    const node = this.#read(this.#path + SEPARATOR + word)
    if (node) super.set(word, node)
    else this.#absent.add(word)
  }

  #takeAll(): void {
    if (this.#complete) return
    for (const word of this.#words()) this.#take(word)
    this.#complete = true
  }

  override get(word: string): PhraseNode<PhraseValue> | undefined {
    this.#take(word)
    return super.get(word)
  }

  override has(word: string): boolean {
    this.#take(word)
    return super.has(word)
  }

  override get size(): number {
    this.#takeAll()
    return super.size
  }

  override entries(): MapIterator<[string, PhraseNode<PhraseValue>]> {
    this.#takeAll()
    return super.entries()
  }

  override keys(): MapIterator<string> {
    this.#takeAll()
    return super.keys()
  }

  override values(): MapIterator<PhraseNode<PhraseValue>> {
    this.#takeAll()
    return super.values()
  }

  override forEach(callback: (value: PhraseNode<PhraseValue>, key: string, map: Map<string, PhraseNode<PhraseValue>>) => void, thisArg?: unknown): void {
    this.#takeAll()
    super.forEach(callback, thisArg)
  }

  override [Symbol.iterator](): MapIterator<[string, PhraseNode<PhraseValue>]> {
    return this.entries()
  }
}

/** A matcher over stored phrases that reads each branch on first use. */
export function readPhrases(stored: StoredPhrases): PhraseMatcher<PhraseValue> {
  // The paths as one sorted string, not thousands of strings kept for the run.
  const {keys, ends, bytes, rules} = stored
  const paths = new WordSet(keys)
  /** Point a freshly read branch's rule values back at the rule objects, and its children stored apart at their branches, in place. */
  const decode = (node: StoredNode, path: string): PhraseNode<PhraseValue> => {
    for (const target of node.targets ?? []) {
      if (target.value.kind === 'rule') (target.value as {rule: unknown}).rule = rules[target.value.rule]
    }
    if (node.next) for (const [word, child] of node.next) decode(child, path + SEPARATOR + word)
    const decoded = node as unknown as PhraseNode<PhraseValue>
    if (node.split) {
      decoded.next = new ChildrenApart(path, read, () => childWords(path))
      delete node.split
    }
    return decoded
  }
  /** The words that continue `path`: the last word of each stored path one word longer. */
  const childWords = (path: string): string[] => {
    const prefix = path + SEPARATOR
    return [...paths].filter((key) => key.startsWith(prefix) && !key.includes(SEPARATOR, prefix.length)).map((key) => key.slice(prefix.length))
  }
  const read = (path: string): PhraseNode<PhraseValue> | undefined => {
    const position = paths.indexOf(path)
    if (position === -1) return undefined
    const start = position === 0 ? 0 : ends[position - 1]!
    return decode(deserialize(bytes.subarray(start, ends[position])) as StoredNode, path)
  }
  const branches: PhraseBranches<PhraseValue> = {
    get keys() {
      return [...paths].filter((path) => !path.includes(SEPARATOR))
    },
    load: read
  }
  return PhraseMatcher.lazy(branches, stored.size, stored.numbers)
}
