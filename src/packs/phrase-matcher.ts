import {atomize, continues, type Atom, type Joint} from './atoms.js'

/** One phrase stored in the matcher, with what it stands for. */
interface Target<T> {
  value: T
  /** Joints between the phrase's atoms (the first is ignored). */
  joints: Joint[]
  /** Exact atom texts, checked when the phrase is case-sensitive. */
  surfaces: string[] | undefined
  /** Punctuation the phrase requires right before its first atom ("(" …). */
  prefix: string
  /** Punctuation the phrase requires right after its last atom ("OPEC+"). */
  suffix: string
}

const CAN_CONTINUE: ReadonlySet<Joint> = new Set(['space', 'hyphen', 'joined', 'apostrophe'])

interface Node<T> {
  next: Map<string, Node<T>> | undefined
  targets: Target<T>[] | undefined
}

/** A phrase found in a text. */
export interface PhraseMatch<T> {
  value: T
  /** Offset of the match in the text, including a required prefix. */
  start: number
  /** Offset after the match, including a required suffix. */
  end: number
  /** Index of the first and last atom of the match. */
  first: number
  last: number
}

/** Options for one phrase. */
export interface PhraseOptions {
  caseSensitive?: boolean
}

/**
 * Many phrases compiled into one token trie. Lookup cost grows with the
 * number of words in the text times the longest phrase, not with the number
 * of phrases, so a newsroom glossary of 50,000 entries costs about what ten
 * do (one map lookup per word and step).
 */
export class PhraseMatcher<T> {
  readonly #root = new Map<string, Node<T>>()
  #size = 0

  /** Number of phrases added. */
  get size(): number {
    return this.#size
  }

  /**
   * Add `phrase`; returns false when it has no letters or digits to match on.
   */
  add(phrase: string, value: T, options: PhraseOptions = {}): boolean {
    const atoms = atomize(phrase)
    const first = atoms[0]
    const last = atoms.at(-1)
    if (!first || !last) return false
    let level = this.#root
    let node: Node<T> | undefined
    for (const atom of atoms) {
      node = level.get(atom.key)
      if (!node) {
        node = {next: undefined, targets: undefined}
        level.set(atom.key, node)
      }
      level = node.next ??= new Map()
    }
    // `node` is set: atoms is not empty.
    const target: Target<T> = {
      value,
      joints: atoms.map((atom) => atom.joint),
      surfaces: options.caseSensitive ? atoms.map((atom) => phrase.slice(atom.start, atom.end)) : undefined,
      prefix: phrase.slice(0, first.start).trim(),
      suffix: phrase.slice(last.end).trim()
    }
    ;(node!.targets ??= []).push(target)
    this.#size++
    return true
  }

  /**
   * Every phrase occurrence in `atoms` (cut from `source`), at each start the
   * candidates longest first. `accept` can refuse a candidate (an entry turned
   * off, a context guard), letting a shorter one through.
   */
  *candidates(source: string, atoms: readonly Atom[]): Generator<PhraseMatch<T>[]> {
    for (let index = 0; index < atoms.length; index++) {
      const head = atoms[index]!
      if (head.joint === 'joined') continue
      let node = this.#root.get(head.key)
      const found: PhraseMatch<T>[] = []
      let last = index
      while (node) {
        if (node.targets) {
          for (const target of node.targets) {
            const match = this.#verify(source, atoms, index, last, target)
            if (match) found.push(match)
          }
        }
        const following = atoms[last + 1]
        if (!following || !node.next || !CAN_CONTINUE.has(following.joint)) break
        node = node.next.get(following.key)
        last++
      }
      // Longest first; of equal phrases, the one added last (a later pack) first.
      if (found.length > 0) yield found.reverse()
    }
  }

  #verify(source: string, atoms: readonly Atom[], first: number, last: number, target: Target<T>): PhraseMatch<T> | undefined {
    const following = atoms[last + 1]
    if (following && following.joint === 'joined') return undefined
    for (let index = first + 1; index <= last; index++) {
      if (!continues(target.joints[index - first]!, atoms[index]!.joint)) return undefined
    }
    if (target.surfaces) {
      for (let index = first; index <= last; index++) {
        const atom = atoms[index]!
        if (source.slice(atom.start, atom.end) !== target.surfaces[index - first]) return undefined
      }
    }
    let start = atoms[first]!.start
    let end = atoms[last]!.end
    if (target.prefix) {
      if (source.slice(start - target.prefix.length, start) !== target.prefix) return undefined
      start -= target.prefix.length
    }
    if (target.suffix) {
      if (source.slice(end, end + target.suffix.length) !== target.suffix) return undefined
      end += target.suffix.length
    }
    return {value: target.value, start, end, first, last}
  }
}

/**
 * Pick, left to right, the longest accepted candidate at each start and drop
 * those that overlap one already picked.
 */
export function selectMatches<T>(
  groups: Iterable<PhraseMatch<T>[]>,
  accept: (match: PhraseMatch<T>) => boolean = () => true
): PhraseMatch<T>[] {
  const chosen: PhraseMatch<T>[] = []
  let reach = -1
  for (const group of groups) {
    for (const match of group) {
      if (match.start < reach) break
      if (!accept(match)) continue
      chosen.push(match)
      reach = match.end
      break
    }
  }
  return chosen
}
