import {deserialize, serialize} from 'node:v8'
import type {PhraseRule, PhraseValue} from './compile.js'
import {WordSet, type WordSetData} from '../infra/word-set.js'
import {PhraseMatcher, type PhraseBranches, type PhraseNode, type PhraseTarget} from './phrase-matcher.js'
import {buildingSnapshot, Held} from '../infra/held.js'
import {shareEqualStrings} from '../infra/share-strings.js'

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
  /** Paths of the branches (their words joined by {@link SEPARATOR}) as a WordSet: a path's position there is its place in the bytes. */
  paths: WordSetData
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

/*
 * A branch is stored as arrays, not objects: V8's serializer writes every
 * object's property names again, which made up 44% of the bytes.
 */
/** A value as stored: a rule by its index into {@link StoredPhrases.rules}, or a guard. */
type StoredValue = [kind: 0, rule: number, replacements: string[]] | [kind: 1, id: string, surface: string, caseSensitive: boolean]
/** A target as stored: its fields in {@link PhraseTarget}'s order, 0 for none. */
type StoredTarget = [value: StoredValue, joints: PhraseTarget<unknown>['joints'] | 0, surfaces: string[] | 0, prefix: RegExp | 0, suffix: RegExp | 0, gaps: Array<string | undefined> | 0, numbers: number[] | 0]
/** A node as stored: `split` 1 when each of its children is stored as a branch of its own. */
type StoredNode = [next: Map<string, StoredNode> | 0, targets: StoredTarget[] | 0, split: 0 | 1]

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

  const encodeTarget = ({value, joints, surfaces, prefix, suffix, gaps, numbers}: PhraseTarget<PhraseValue>): StoredTarget => [
    value.kind === 'rule' ? [0, index(value.rule), value.replacements] : [1, value.id, value.surface, value.caseSensitive],
    joints ?? 0,
    surfaces ?? 0,
    prefix ?? 0,
    suffix ?? 0,
    gaps ?? 0,
    numbers ?? 0
  ]
  /** `node` as stored, rules by index; with `split`, each child is stored as a branch of its own. */
  const encode = (node: PhraseNode<PhraseValue>, path: string, split: boolean): StoredNode => {
    const targets = node.targets ? node.targets.map(encodeTarget) : 0
    if (split && node.next) {
      for (const [word, child] of node.next) store(path + SEPARATOR + word, child)
      return [0, targets, 1]
    }
    const next = node.next ? new Map([...node.next].map(([word, child]) => [word, encode(child, path + SEPARATOR + word, false)])) : 0
    return [next, targets, 0]
  }
  const store = (path: string, node: PhraseNode<PhraseValue>) => {
    const whole = serialize(encode(node, path, false))
    branches.set(path, whole.length > SPLIT_BYTES && node.next ? serialize(encode(node, path, true)) : whole)
  }
  for (const [word, node] of root) store(word, node)

  // In the WordSet's order, so a branch's position there is its place in the bytes.
  const paths = new WordSet(branches.keys())
  const keys = [...paths]
  const chunks = keys.map((key) => branches.get(key)!)
  const ends = new Uint32Array(keys.length)
  let end = 0
  chunks.forEach((chunk, position) => {
    end += chunk.length
    ends[position] = end
  })
  return {size, numbers, paths: paths.data(), ends, bytes: new Uint8Array(Buffer.concat(chunks, end)), rules}
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
  // Copies: read back from the cache, the arrays are views of the buffer the
  // whole file was read into (Node's deserializer makes them so), which they
  // would keep alive for the run: 10 MB, twice what they hold.
  const ends = stored.ends.slice()
  const bytes = new Held(stored.bytes.slice())
  const {rules} = stored
  // Read back from the cache, each rule holds its own copy of 'substitution',
  // 'warning' and its topic words; the matcher keeps them out of reach of the
  // snapshot build's own sharing (see scripts/snapshot-entry.mjs).
  if (buildingSnapshot()) shareEqualStrings(rules)
  // The paths as one sorted string, not thousands of strings kept for the run.
  const paths = new WordSet({...stored.paths, starts: stored.paths.starts.slice(), slots: stored.paths.slots.slice()})
  /** A freshly read branch as the matcher's nodes, rule values pointing at the rule objects. */
  const decode = ([next, targets, split]: StoredNode, path: string): PhraseNode<PhraseValue> => {
    const node: PhraseNode<PhraseValue> = {next: undefined, targets: targets === 0 ? undefined : targets.map(decodeTarget)}
    if (split === 1) node.next = new ChildrenApart(path, read, () => childWords(path))
    else if (next !== 0) node.next = new Map([...next].map(([word, child]) => [word, decode(child, path + SEPARATOR + word)]))
    return node
  }
  const decodeTarget = ([value, joints, surfaces, prefix, suffix, gaps, numbers]: StoredTarget): PhraseTarget<PhraseValue> => ({
    value: value[0] === 0 ? {kind: 'rule', rule: rules[value[1]]!, replacements: value[2]} : {kind: 'guard', id: value[1], surface: value[2], caseSensitive: value[3]},
    joints: joints === 0 ? undefined : joints,
    surfaces: surfaces === 0 ? undefined : surfaces,
    prefix: prefix === 0 ? undefined : prefix,
    suffix: suffix === 0 ? undefined : suffix,
    gaps: gaps === 0 ? undefined : gaps,
    numbers: numbers === 0 ? undefined : numbers
  })
  /** The words that continue `path`: the last word of each stored path one word longer. */
  const childWords = (path: string): string[] => {
    const prefix = path + SEPARATOR
    return [...paths].filter((key) => key.startsWith(prefix) && !key.includes(SEPARATOR, prefix.length)).map((key) => key.slice(prefix.length))
  }
  const read = (path: string): PhraseNode<PhraseValue> | undefined => {
    const position = paths.indexOf(path)
    if (position === -1) return undefined
    const start = position === 0 ? 0 : ends[position - 1]!
    return decode(deserialize(bytes.bytes(start, ends[position]!)) as StoredNode, path)
  }
  const branches: PhraseBranches<PhraseValue> = {
    get keys() {
      return [...paths].filter((path) => !path.includes(SEPARATOR))
    },
    load: read
  }
  return PhraseMatcher.lazy(branches, stored.size, stored.numbers)
}
