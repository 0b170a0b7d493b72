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
 * A branch is a first word's subtree; a very large one (`the` starts some
 * 24,000 nodes of slot expansions) is cut again below it, each child with
 * words after it stored as a branch of its own, so an article pays for the
 * two-word starts it has, not for every phrase that starts with `the`.
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
/** A branch with more nodes than this stores its children that continue as branches of their own. */
const SPLIT_NODES = 2048

/** A branch's value as stored: its rule by index into {@link StoredPhrases.rules}. */
type StoredValue = Exclude<PhraseValue, {kind: 'rule'}> | {kind: 'rule'; rule: number; replacements: string[]}

/** A node as stored: the words of its children stored as branches of their own, if any. */
type StoredNode = PhraseNode<StoredValue> & {apart?: string[]}

/** Number of nodes under and including `node`. */
function nodesIn(node: PhraseNode<unknown>): number {
  let count = 1
  if (node.next) for (const child of node.next.values()) count += nodesIn(child)
  return count
}

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

  /** A copy of `node` with rules by index; with `split`, children that continue are stored apart. */
  const encode = (node: PhraseNode<PhraseValue>, path: string, split: boolean): StoredNode => {
    const encoded: StoredNode = {
      next: undefined,
      targets: node.targets?.map((target) => ({
        ...target,
        value: target.value.kind === 'rule' ? {...target.value, rule: index(target.value.rule)} : target.value
      }))
    }
    for (const [word, child] of node.next ?? []) {
      if (split && child.next) {
        store(path + SEPARATOR + word, child)
        ;(encoded.apart ??= []).push(word)
      } else {
        ;(encoded.next ??= new Map()).set(word, encode(child, path + SEPARATOR + word, false))
      }
    }
    return encoded
  }
  const store = (path: string, node: PhraseNode<PhraseValue>) => {
    branches.set(path, serialize(encode(node, path, nodesIn(node) > SPLIT_NODES)))
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
 * The children of a node some of whose branches are stored apart: each is
 * read the first time it is asked for. Walking it, or asking its size,
 * reads them all.
 */
class ChildrenApart extends Map<string, PhraseNode<PhraseValue>> {
  readonly #apart: Set<string>
  readonly #path: string
  readonly #read: (path: string) => PhraseNode<PhraseValue> | undefined

  constructor(present: Map<string, PhraseNode<PhraseValue>> | undefined, apart: string[], path: string, read: (path: string) => PhraseNode<PhraseValue> | undefined) {
    super(present)
    this.#apart = new Set(apart)
    this.#path = path
    this.#read = read
  }

  #take(word: string): void {
    if (!this.#apart.delete(word)) return
    const node = this.#read(this.#path + SEPARATOR + word)
    if (node) super.set(word, node)
  }

  #takeAll(): void {
    for (const word of [...this.#apart]) this.#take(word)
  }

  override get(word: string): PhraseNode<PhraseValue> | undefined {
    if (this.#apart.size > 0) this.#take(word)
    return super.get(word)
  }

  override has(word: string): boolean {
    if (this.#apart.size > 0) this.#take(word)
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
    if (node.apart) {
      decoded.next = new ChildrenApart(decoded.next, node.apart, path, read)
      delete node.apart
    }
    return decoded
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
