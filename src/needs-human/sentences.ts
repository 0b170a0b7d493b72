import type {Nodes, Root} from 'nlcst'

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

const TOKEN = /[\p{L}\p{M}](?:[\p{L}\p{M}\d]|['’-](?=[\p{L}\p{M}]))*|\d(?:[\d,.]*\d)?|[^\s\p{L}\p{M}\d]/gu

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

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

/** Tokens of `text`, with offsets shifted by `offset`. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0]
    const first = value.charCodeAt(0)
    const kind = first >= 48 && first <= 57 ? 'number' : isAsciiLetter(first) ? 'word' : first < 128 ? 'punctuation' : /^[\p{L}\p{M}]/u.test(value) ? 'word' : 'punctuation'
    tokens.push({text: value, lower: lowerOf(value), start: offset + match.index, end: offset + match.index + value.length, kind})
  }
  return tokens
}

const ENDS_LIKE_A_SENTENCE = /[.!?…:;"”’')\]]\s*$/u

/**
 * The sentences of `tree` (retext-english's sentence nodes), each with its
 * tokens. One hand-written walk, like the shared text index.
 */
export function sentencesOf(tree: Root, source: string): Sentence[] {
  const sentences: Sentence[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'ParagraphNode') {
      const sentenceNodes = node.children.filter((child) => child.type === 'SentenceNode')
      for (const sentence of sentenceNodes) {
        const start = sentence.position?.start.offset
        const end = sentence.position?.end.offset
        if (start === undefined || end === undefined) continue
        const text = source.slice(start, end)
        sentences.push({start, end, text, tokens: tokenize(text, start), headline: sentenceNodes.length === 1 && !ENDS_LIKE_A_SENTENCE.test(text)})
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return sentences
}
