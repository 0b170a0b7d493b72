import type {Nodes, Paragraph, Root} from 'nlcst'
import {heldWords, MAX_KEPT_TEXT, textIndex} from '../engine/text-index.js'
import type {HeldText} from '../infra/atoms.js'

/** A token of a sentence: a word, a number or one punctuation mark. */
export interface Token {
  text: string
  /** Lower case, curly apostrophes straightened. */
  lower: string
  start: number
  end: number
  kind: 'word' | 'number' | 'punctuation'
}

/** A sentence as the patterns read it. */
export interface Sentence {
  start: number
  end: number
  text: string
  tokens: Token[]
  /** Whether the sentence is a whole paragraph without end punctuation: a headline or a label. */
  headline: boolean
}

/**
 * What {@link tokenize} reads, as one expression (the definition; the
 * tokenizer is written out by hand, which allocates no match per token):
 * a letter or mark, then letters, marks and digits, an apostrophe or hyphen
 * only before a letter; or digits with `,` and `.` inside; or one character
 * that is not white space.
 */
export const TOKEN = /[\p{L}\p{M}](?:[\p{L}\p{M}\d]|['’-](?=[\p{L}\p{M}]))*|\d(?:[\d,.]*\d)?|[^\s\p{L}\p{M}\d]/gu

const LETTER_AT = /[\p{L}\p{M}]/uy
const SPACE_AT = /\s/uy

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
const isDigit = (code: number) => code >= 48 && code <= 57

/** Whether the code point at `at` of `text` is a letter or a mark (ASCII without a regular expression). */
function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 128) return isAsciiLetter(code)
  LETTER_AT.lastIndex = at
  return LETTER_AT.test(text)
}

/** UTF-16 units of the code point at `at`. */
function widthAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1
}

/** Lower-case forms per token type: a text repeats its words. */
const lowerForms = new Map<string, string>()
function lowerOf(value: string): string {
  let lower = lowerForms.get(value)
  if (lower === undefined) {
    if (lowerForms.size >= 100_000) lowerForms.clear()
    lower = value.toLowerCase().replace(/’/g, "'")
    lowerForms.set(value, lower)
  }
  return lower
}

/**
 * Tokens of `text` ({@link TOKEN}), with offsets shifted by `offset`. With
 * `held`, a word the caller already holds as a string (by its shifted
 * offsets, asked in order) is taken from it, not copied again.
 */
export function tokenize(text: string, offset = 0, held?: HeldText): Token[] {
  const tokens: Token[] = []
  const length = text.length
  /** `plain`: ASCII without capitals, its own lower case (most tokens): no lookup. */
  const push = (from: number, to: number, kind: Token['kind'], plain: boolean) => {
    const value = (kind === 'word' ? held?.(offset + from, offset + to) : undefined) ?? text.slice(from, to)
    tokens.push({text: value, lower: plain ? value : lowerOf(value), start: offset + from, end: offset + to, kind})
  }
  let at = 0
  while (at < length) {
    const code = text.charCodeAt(at)
    if (isDigit(code)) {
      // Digits, with commas and full stops only between digits.
      let end = at + 1
      for (let next = end; next < length; next++) {
        const inner = text.charCodeAt(next)
        if (isDigit(inner)) end = next + 1
        else if (inner !== 44 && inner !== 46) break
      }
      push(at, end, 'number', true)
      at = end
      continue
    }
    if (isLetterAt(text, at)) {
      let plain = code >= 97 && code <= 122
      let end = at + widthAt(text, at)
      while (end < length) {
        const inner = text.charCodeAt(end)
        if (isDigit(inner) || isLetterAt(text, end)) end += widthAt(text, end)
        else if ((inner === 39 || inner === 0x2019 || inner === 45) && end + 1 < length && isLetterAt(text, end + 1)) end += 1
        else break
        if (!(inner >= 97 && inner <= 122) && !isDigit(inner) && inner !== 39 && inner !== 45) plain = false
      }
      push(at, end, 'word', plain)
      at = end
      continue
    }
    const width = widthAt(text, at)
    SPACE_AT.lastIndex = at
    if (!(code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE_AT.test(text))) push(at, at + width, 'punctuation', code < 65 || (code > 90 && code < 128))
    at += width
  }
  return tokens
}

/** Sentences whose tokens are kept before the cache starts again: some dozens of articles. */
const MAX_KEPT_SENTENCES = 1024

/** Tokens of recent sentences by their text, with the offset they were read at. */
const keptTokens = new Map<string, {start: number; tokens: Token[]}>()

/**
 * {@link tokenize} of a sentence at `start`, from the kept tokens when the
 * same sentence was read before (an editor re-checks an article whose
 * sentences mostly stand as they were): the same array when it is where it
 * was, else copies moved to where it is now. Patterns only read tokens.
 */
function tokensOf(text: string, start: number): Token[] {
  const kept = keptTokens.get(text)
  if (kept) {
    if (kept.start === start) return kept.tokens
    const shift = start - kept.start
    return kept.tokens.map((token) => ({text: token.text, lower: token.lower, start: token.start + shift, end: token.end + shift, kind: token.kind}))
  }
  const tokens = tokenize(text, start)
  if (keptTokens.size >= MAX_KEPT_SENTENCES) keptTokens.clear()
  keptTokens.set(text, {start, tokens})
  return tokens
}

const ENDS_LIKE_A_SENTENCE = /[.!?…:;"”’')\]]\s*$/u

/**
 * The sentences of `tree` (retext-english's sentence nodes), each with its
 * tokens, in order. One hand-written walk, like the shared text index; each
 * sentence is tokenised when the walk reaches it, so a caller that reads them
 * one by one holds the tokens of a few sentences at a time, not of the text.
 */
export function* sentencesOf(tree: Root, source: string): Generator<Sentence> {
  // Only an article's sentences are kept for a re-check (see `MAX_KEPT_TEXT`). A longer
  // text's words are taken from the tree's strings, which the other rules have hashed already.
  let read: (text: string, start: number) => Token[] = tokensOf
  if (source.length > MAX_KEPT_TEXT) {
    const held = heldWords(textIndex(tree, source).words)
    read = (text, start) => tokenize(text, start, held)
  }
  // The paragraphs first, by a plain walk: a generator for every node passed on the way cost more than the sentences.
  const paragraphs: Paragraph[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'ParagraphNode') paragraphs.push(node)
    else if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  for (const paragraph of paragraphs) {
    const sentenceNodes = paragraph.children.filter((child) => child.type === 'SentenceNode')
    for (const sentence of sentenceNodes) {
      const start = sentence.position?.start.offset
      const end = sentence.position?.end.offset
      if (start === undefined || end === undefined) continue
      const text = source.slice(start, end)
      yield {start, end, text, tokens: read(text, start), headline: sentenceNodes.length === 1 && !ENDS_LIKE_A_SENTENCE.test(text)}
    }
  }
}
