import type {Nodes, Root} from 'nlcst'
import {atomizeRange, type Atom, type HeldText} from '../infra/atoms.js'

/** A node with children. */
type Parent = Extract<Nodes, {children: unknown}>

/** A word of the text as the tree gives it. */
export interface WordSpan {
  /** The word as written. */
  value: string
  start: number
  end: number
}

/** What rules read from a parsed text, computed in one walk and shared. */
export interface TextIndex {
  /** The text the tree was parsed from. */
  source: string
  /** Offsets of every paragraph of prose. */
  paragraphs: Array<[number, number]>
  /** Atoms of all paragraphs, in order (see `atomize`). */
  atoms: Atom[]
  /** Every word node. */
  words: WordSpan[]
}

const indexes = new WeakMap<Root, TextIndex>()

/**
 * The words of `words` (in text order) as {@link HeldText}: the string of the
 * word with exactly those offsets, for offsets asked in increasing order.
 */
export function heldWords(words: readonly WordSpan[]): HeldText {
  let next = 0
  return (start, end) => {
    while (next < words.length && words[next]!.start < start) next++
    const word = words[next]
    return word !== undefined && word.start === start && word.end === end ? word.value : undefined
  }
}

/** Paragraphs whose atoms are kept before the cache starts again: some articles' worth. */
const MAX_KEPT_PARAGRAPHS = 256

/**
 * Longest text whose paragraphs' atoms are kept: an article an editor
 * re-checks is far shorter. A longer text (a piece of a long input) is read
 * once; keeping its atoms would only make the garbage collector copy them
 * out of the young generation (12% of the CPU time on 1 MB).
 */
export const MAX_KEPT_TEXT = 32 * 1024

/** Atoms of recent paragraphs by their text, with the offset they were read at. */
const keptAtoms = new Map<string, {start: number; atoms: Atom[]}>()

/**
 * {@link atomizeRange} of a paragraph, from the kept atoms when the same
 * paragraph was read before (an editor re-checks an article whose paragraphs
 * mostly stand as they were): the same array when it is where it was, else
 * copies moved to where it is now. Atoms depend on the paragraph's text
 * alone, and rules only read them.
 */
function paragraphAtoms(source: string, start: number, end: number): Atom[] {
  const text = source.slice(start, end)
  const kept = keptAtoms.get(text)
  if (kept) {
    if (kept.start === start) return kept.atoms
    const shift = start - kept.start
    return kept.atoms.map((atom) => ({key: atom.key, text: atom.text, start: atom.start + shift, end: atom.end + shift, joint: atom.joint, sentenceStart: atom.sentenceStart}))
  }
  const atoms = atomizeRange(source, start, end)
  if (keptAtoms.size >= MAX_KEPT_PARAGRAPHS) keptAtoms.clear()
  keptAtoms.set(text, {start, atoms})
  return atoms
}

/**
 * The index of `tree`, built on first use by one hand-written walk (cheaper
 * than a visitor per rule), then shared by every rule of the run.
 */
export function textIndex(tree: Root, source: string): TextIndex {
  const cached = indexes.get(tree)
  if (cached && cached.source === source) return cached
  const index: TextIndex = {source, paragraphs: [], atoms: [], words: []}
  const {paragraphs, words} = index
  // Children are read in a loop, so only nodes with children cost a call; a word's value is
  // its one text node's string when it has one (nearly every word), not a copy sliced again.
  const walk = (parent: Parent): void => {
    const children = parent.children
    for (let at = 0; at < children.length; at++) {
      const node = children[at]!
      if (node.type === 'WordNode') {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start === undefined || end === undefined) continue
        const parts = node.children
        const only = parts.length === 1 ? parts[0]! : undefined
        words.push({value: only?.type === 'TextNode' && only.value.length === end - start ? only.value : source.slice(start, end), start, end})
        continue
      }
      if (node.type === 'ParagraphNode') {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start !== undefined && end !== undefined) paragraphs.push([start, end])
      }
      if ('children' in node) walk(node as Parent)
    }
  }
  walk(tree)
  const keep = source.length <= MAX_KEPT_TEXT
  // Most atoms are whole words: their strings are the tree's, looked up and hashed once for every rule.
  const held = heldWords(words)
  for (const [start, end] of paragraphs) {
    if (keep) for (const atom of paragraphAtoms(source, start, end)) index.atoms.push(atom)
    else atomizeRange(source, start, end, index.atoms, held)
  }
  indexes.set(tree, index)
  return index
}
