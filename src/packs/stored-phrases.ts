import {deserialize, serialize} from 'node:v8'
import type {PhraseRule, PhraseValue} from './compile.js'
import {PhraseMatcher, type PhraseBranches, type PhraseNode} from './phrase-matcher.js'

/**
 * A phrase matcher as the cache stores it: each first word's branch
 * serialised on its own into one byte array, read back only when a text
 * reaches it. Bytes cost a copy to read (from the cache, or from a startup
 * snapshot's heap), where the same trie as objects costs tens of megabytes
 * of heap and a quarter of a second to rebuild on every run.
 */
export interface StoredPhrases {
  size: number
  numbers: boolean
  /** First words, in the order of their branches in `bytes`. */
  keys: string[]
  /** End offset in `bytes` of each branch (its start is the previous end). */
  ends: Uint32Array
  bytes: Uint8Array
  /** The rules the branches' targets point to, by index (shared with the rest of the rule set). */
  rules: PhraseRule[]
}

/** A branch's value as stored: its rule by index into {@link StoredPhrases.rules}. */
type StoredValue = Exclude<PhraseValue, {kind: 'rule'}> | {kind: 'rule'; rule: number; replacements: string[]}

/** A copy of `node` whose rule values point into `rules` by index. */
function encodeNode(node: PhraseNode<PhraseValue>, index: (rule: PhraseRule) => number): PhraseNode<StoredValue> {
  return {
    next: node.next && new Map([...node.next].map(([key, child]) => [key, encodeNode(child, index)])),
    targets: node.targets?.map((target) => ({
      ...target,
      value: target.value.kind === 'rule' ? {...target.value, rule: index(target.value.rule)} : target.value
    }))
  }
}

/** Point a freshly read branch's rule values back at the rule objects, in place. */
function decodeNode(node: PhraseNode<StoredValue>, rules: readonly PhraseRule[]): PhraseNode<PhraseValue> {
  for (const target of node.targets ?? []) {
    if (target.value.kind === 'rule') (target.value as {rule: unknown}).rule = rules[target.value.rule]
  }
  if (node.next) for (const child of node.next.values()) decodeNode(child, rules)
  return node as PhraseNode<PhraseValue>
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
  const keys: string[] = []
  const chunks: Buffer[] = []
  const ends = new Uint32Array(root.size)
  let end = 0
  for (const [key, node] of root) {
    const chunk = serialize(encodeNode(node, index))
    end += chunk.length
    ends[keys.length] = end
    keys.push(key)
    chunks.push(chunk)
  }
  return {size, numbers, keys, ends, bytes: new Uint8Array(Buffer.concat(chunks, end)), rules}
}

/** A matcher over stored phrases that reads each branch on first use. */
export function readPhrases(stored: StoredPhrases): PhraseMatcher<PhraseValue> {
  let positions: Map<string, number> | undefined
  const branches: PhraseBranches<PhraseValue> = {
    keys: stored.keys,
    load(key) {
      if (!positions) {
        positions = new Map()
        stored.keys.forEach((first, position) => positions!.set(first, position))
      }
      const position = positions.get(key)
      if (position === undefined) return undefined
      const start = position === 0 ? 0 : stored.ends[position - 1]!
      const bytes = stored.bytes.subarray(start, stored.ends[position])
      return decodeNode(deserialize(bytes) as PhraseNode<StoredValue>, stored.rules)
    }
  }
  return PhraseMatcher.lazy(branches, stored.size, stored.numbers)
}
