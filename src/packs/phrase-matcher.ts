import {atomize, continues, type Atom, type Joint} from '../infra/atoms.js'

/** One phrase stored in the matcher, with what it stands for. */
export interface PhraseTarget<T> {
  value: T
  /** Joints between the phrase's atoms (the first is ignored); none when all are spaces or hyphens. */
  joints: Joint[] | undefined
  /** Exact atom texts, checked when the phrase is case-sensitive. */
  surfaces: string[] | undefined
  /** Punctuation the phrase requires right before its first atom ("(" …). */
  prefix: RegExp | undefined
  /** Punctuation the phrase requires right after its last atom ("OPEC+", "OPEC +"). */
  suffix: RegExp | undefined
  /** Punctuation written between two atoms ("Johnson & Johnson"), by atom index. */
  gaps: Array<string | undefined> | undefined
  /** Indexes of the atoms written `{#}`. */
  numbers: number[] | undefined
}

// Punctuation may continue a phrase only where the phrase itself has it (checked per target).
const CAN_CONTINUE: ReadonlySet<Joint> = new Set(['space', 'hyphen', 'joined', 'apostrophe', 'punctuation'])

/** Punctuation between words as a phrase compares it: white space collapsed and trimmed. */
const gapKey = (gap: string) => gap.replace(/\s+/g, ' ').trim()

const escapeRegExp = (text: string) => text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')

/** A sticky pattern for literal punctuation, any run of white space matching any other. */
function literal(text: string, where: 'before' | 'after'): RegExp | undefined {
  const collapsed = text.replace(/\s+/g, ' ')
  const trimmed = where === 'before' ? collapsed.trimStart() : collapsed.trimEnd()
  if (trimmed.trim() === '') return undefined
  const source = trimmed.split(' ').map(escapeRegExp).join('[\\s\\u00A0]+')
  return where === 'before' ? new RegExp(`${source}$`, 'u') : new RegExp(source, 'uy')
}

/**
 * The word `{#}` becomes in the trie: a letter no text writes, so only a
 * numeral reaches it (see {@link PhraseMatcher.candidates}).
 */
const NUMBER_KEY = '\u01C2n'
/** `{#}` in a phrase: any number written in digits. */
export const NUMBER_SLOT = '{#}'

const DIGITS = /^\p{N}+$/u

/**
 * Whether an atom is a run of digits. An atom is all digits or all letters
 * (see `atomize`), so an ASCII first character decides it without the
 * expression (asked of every atom).
 */
export const isDigits = (atom: Atom) => {
  const code = atom.key.charCodeAt(0)
  if (code < 128) return code >= 48 && code <= 57
  return DIGITS.test(atom.key)
}

/** Words of ASCII letters with single spaces: most phrases, cut without the general atomiser. */
const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/

/** The atoms `atomize` gives for a plain phrase, built directly (pack loading adds thousands). */
function plainAtoms(phrase: string): Atom[] {
  const atoms: Atom[] = []
  let start = 0
  for (const word of phrase.split(' ')) {
    atoms.push({key: word.toLowerCase(), text: word, start, end: start + word.length, joint: start === 0 ? 'start' : 'space', sentenceStart: start === 0})
    start += word.length + 1
  }
  return atoms
}

/** A node of the trie: the phrases ending here and the words that continue one. */
export interface PhraseNode<T> {
  next: Map<string, PhraseNode<T>> | undefined
  targets: PhraseTarget<T>[] | undefined
}

/** A matcher's trie and counts, as {@link PhraseMatcher.state} gives them. */
export interface PhraseMatcherState<T> {
  root: Map<string, PhraseNode<T>>
  size: number
  numbers: boolean
}

/**
 * The branches of a trie kept outside it, each read when a text first has
 * its first word (see {@link PhraseMatcher.lazy}): a run on one article
 * touches a few hundred of the thousands of first words the packs have.
 */
export interface PhraseBranches<T> {
  /** First words of the branches, in a fixed order. */
  readonly keys: readonly string[]
  /** The branch of `key`, or undefined when no phrase starts with it. */
  load(key: string): PhraseNode<T> | undefined
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
  /** The numbers matched by `{#}`, in order. */
  numbers?: string[]
}

/** Options for one phrase. */
export interface PhraseOptions {
  caseSensitive?: boolean
}

/** Stands in a lazy matcher's root for a first word found to start no branch (see `#first`). */
const NO_BRANCH: PhraseNode<never> = Object.freeze({next: undefined, targets: undefined})

/**
 * Many phrases compiled into one token trie. Lookup cost grows with the
 * number of words in the text times the longest phrase, not with the number
 * of phrases, so a newsroom glossary of 50,000 entries costs about what ten
 * do (one map lookup per word and step).
 */
export class PhraseMatcher<T> {
  readonly #root = new Map<string, PhraseNode<T>>()
  #size = 0
  /** Whether some phrase has `{#}`: only then is a numeral looked up twice. */
  #numbers = false
  /** Branches not read into {@link #root} yet (a matcher read back lazily). */
  #branches: PhraseBranches<T> | undefined

  /** Number of phrases added. */
  get size(): number {
    return this.#size
  }

  /** The trie as plain data (Maps and objects) for a structured-clone snapshot; see {@link PhraseMatcher.fromState}. */
  state(): PhraseMatcherState<T> {
    if (this.#branches) for (const key of this.#branches.keys) this.#first(key)
    const root = new Map<string, PhraseNode<T>>()
    for (const [key, node] of this.#root) if (node !== NO_BRANCH) root.set(key, node)
    return {root, size: this.#size, numbers: this.#numbers}
  }

  /** A matcher from the {@link PhraseMatcher.state} of another, as read back from a snapshot. */
  static fromState<T>(state: PhraseMatcherState<T>): PhraseMatcher<T> {
    const matcher = new PhraseMatcher<T>()
    for (const [key, node] of state.root) matcher.#root.set(key, node)
    matcher.#size = state.size
    matcher.#numbers = state.numbers
    return matcher
  }

  /**
   * A matcher whose branches are read on first use: loading costs what the
   * index costs, not what thousands of phrases cost, and a large glossary
   * adds only the branches a text reaches.
   */
  static lazy<T>(branches: PhraseBranches<T>, size: number, numbers: boolean): PhraseMatcher<T> {
    const matcher = new PhraseMatcher<T>()
    matcher.#branches = branches
    matcher.#size = size
    matcher.#numbers = numbers
    return matcher
  }

  /** The branch of phrases starting with `key`, read in when it is first needed. */
  #first(key: string): PhraseNode<T> | undefined {
    const node = this.#root.get(key)
    if (node !== undefined) return node === NO_BRANCH ? undefined : node
    if (this.#branches === undefined) return undefined
    const loaded = this.#branches.load(key)
    // A first word that starts no branch (most words of a text) is remembered in
    // the root too: a later occurrence is answered by one lookup, not two.
    this.#root.set(key, loaded ?? (NO_BRANCH as PhraseNode<T>))
    return loaded
  }

  /**
   * Add `phrase`; returns false when it has no letters or digits to match on.
   */
  add(phrase: string, value: T, options: PhraseOptions = {}): boolean {
    if (phrase.includes(NUMBER_SLOT)) {
      phrase = phrase.replaceAll(NUMBER_SLOT, NUMBER_KEY)
      this.#numbers = true
    }
    const atoms = PLAIN.test(phrase) ? plainAtoms(phrase) : atomize(phrase)
    const first = atoms[0]
    const last = atoms.at(-1)
    if (!first || !last) return false
    let level = this.#root
    let node: PhraseNode<T> | undefined
    for (let index = 0; index < atoms.length; index++) {
      const atom = atoms[index]!
      if (index > 0) level = node!.next ??= new Map()
      node = index === 0 ? this.#first(atom.key) : level.get(atom.key)
      if (!node) {
        // Leaves get no map of their own: most phrases end where they branch.
        node = {next: undefined, targets: undefined}
        level.set(atom.key, node)
      }
    }
    // Joints matter only when the phrase writes an apostrophe or punctuation.
    const marked = atoms.some((atom) => atom.joint === 'apostrophe' || atom.joint === 'punctuation')
    const target: PhraseTarget<T> = {
      value,
      joints: marked ? atoms.map((atom) => atom.joint) : undefined,
      surfaces: options.caseSensitive ? atoms.map((atom) => phrase.slice(atom.start, atom.end)) : undefined,
      prefix: first.start > 0 ? literal(phrase.slice(0, first.start), 'before') : undefined,
      suffix: last.end < phrase.length ? literal(phrase.slice(last.end), 'after') : undefined,
      gaps: marked
        ? atoms.map((atom, index) => (atom.joint === 'punctuation' ? gapKey(phrase.slice(atoms[index - 1]!.end, atom.start)) : undefined))
        : undefined,
      numbers: atoms.some((atom) => atom.key === NUMBER_KEY) ? atoms.flatMap((atom, index) => (atom.key === NUMBER_KEY ? [index] : [])) : undefined
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
    // One list for every start, emptied at each: most starts of a branch (`the`) complete no
    // phrase, and a list each was megabytes of garbage on a long text. A copy is yielded.
    const found: PhraseMatch<T>[] = []
    for (let index = 0; index < atoms.length; index++) {
      const head = atoms[index]!
      if (head.joint === 'joined') continue
      const start = this.#first(head.key)
      // Most words start no phrase: no list is made for them.
      if (start === undefined && !(this.#numbers && isDigits(head))) continue
      found.length = 0
      if (this.#numbers) {
        // A numeral may follow its own word or `{#}`: walk both branches, then order longest first.
        this.#walk(source, atoms, index, index, start, found)
        if (isDigits(head)) this.#walk(source, atoms, index, index, this.#first(NUMBER_KEY), found)
        found.sort((a, b) => a.last - b.last)
      } else {
        let node = start
        let last = index
        while (node) {
          if (node.targets) this.#collect(source, atoms, index, last, node.targets, found)
          const following = atoms[last + 1]
          if (!following || !node.next || !CAN_CONTINUE.has(following.joint)) break
          node = node.next.get(following.key)
          last++
        }
      }
      // Longest first; of equal phrases, the one added last (a later pack) first.
      if (found.length > 0) yield found.slice().reverse()
    }
  }

  #collect(source: string, atoms: readonly Atom[], first: number, last: number, targets: PhraseTarget<T>[], found: PhraseMatch<T>[]): void {
    for (const target of targets) {
      const match = this.#verify(source, atoms, first, last, target)
      if (match) found.push(match)
    }
  }

  #walk(source: string, atoms: readonly Atom[], first: number, last: number, node: PhraseNode<T> | undefined, found: PhraseMatch<T>[]): void {
    if (!node) return
    if (node.targets) this.#collect(source, atoms, first, last, node.targets, found)
    const following = atoms[last + 1]
    if (!following || !node.next || !CAN_CONTINUE.has(following.joint)) return
    this.#walk(source, atoms, first, last + 1, node.next.get(following.key), found)
    if (isDigits(following)) this.#walk(source, atoms, first, last + 1, node.next.get(NUMBER_KEY), found)
  }

  #verify(source: string, atoms: readonly Atom[], first: number, last: number, target: PhraseTarget<T>): PhraseMatch<T> | undefined {
    const following = atoms[last + 1]
    if (following && following.joint === 'joined') return undefined
    for (let index = first + 1; index <= last; index++) {
      const written: Joint = target.joints?.[index - first] ?? 'space'
      const found = atoms[index]!.joint
      if (written === 'punctuation') {
        if (found !== 'punctuation' || gapKey(source.slice(atoms[index - 1]!.end, atoms[index]!.start)) !== target.gaps![index - first]) return undefined
      } else if (!continues(written, found)) {
        return undefined
      }
    }
    if (target.surfaces) {
      for (let index = first; index <= last; index++) {
        const atom = atoms[index]!
        if (target.numbers?.includes(index - first)) continue
        if (source.slice(atom.start, atom.end) !== target.surfaces[index - first]) return undefined
      }
    }
    let numbers: string[] | undefined
    if (target.numbers) {
      const head = atoms[first]!
      // "1.5 thousand", "1,500 thousand": `{#}` takes a whole number, not its last digits.
      if (target.numbers[0] === 0 && head.joint === 'punctuation' && /^[.,]$/.test(source.slice(atoms[first - 1]!.end, head.start)) && isDigits(atoms[first - 1]!)) return undefined
      const following = atoms[last + 1]
      if (target.numbers.at(-1) === last - first && following && following.joint === 'punctuation' && isDigits(following) && /^[.,]$/.test(source.slice(atoms[last]!.end, following.start))) return undefined
      numbers = target.numbers.map((offset) => source.slice(atoms[first + offset]!.start, atoms[first + offset]!.end))
    }
    let start = atoms[first]!.start
    let end = atoms[last]!.end
    if (target.prefix) {
      // Prefixes are short: look back a little way only.
      const before = source.slice(Math.max(0, start - 32), start)
      const found = target.prefix.exec(before)
      if (!found) return undefined
      start -= found[0].length
    }
    if (target.suffix) {
      target.suffix.lastIndex = end
      const found = target.suffix.exec(source)
      if (!found) return undefined
      end += found[0].length
    }
    return numbers ? {value: target.value, start, end, first, last, numbers} : {value: target.value, start, end, first, last}
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
