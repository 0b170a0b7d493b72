/**
 * Linear-time equivalents of the costliest parse-latin 7 plugins.
 *
 * parse-latin first reads a whole text as one sentence (then one paragraph)
 * and merges nodes with `Array#splice` inside `unist-util-modify-children`,
 * so every merge moves the rest of a list that holds every token of the
 * text. These functions make the same changes in one pass, compacting the
 * list in place; node objects, their order and their positions come out as
 * parse-latin's. `tests/parser-identity.test.ts` compares the trees.
 */
import type {Paragraph, ParagraphContent, Sentence, SentenceContent, WhiteSpace, WordContent} from 'nlcst'
import {toString} from 'nlcst-to-string'

/**
 * parse-latin 7.0.0's `wordSymbolInner` (lib/expressions.js; the package
 * exports no expressions): a symbol that joins two words into one.
 */
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/

/** What a merge step returns when it leaves the node it looked at where it is. */
const KEEP = -1

/**
 * Compact `siblings` in place in one pass. `merge(read, write)` looks at
 * the node at `read`, the `write` nodes before that being those kept so
 * far (the last one the node may join): it returns where reading goes on
 * once it merged nodes into a kept one, or {@link KEEP}.
 */
function compact<Node>(siblings: Node[], merge: (read: number, write: number) => number): void {
  const length = siblings.length
  let write = 0
  let read = 0
  while (read < length) {
    const next = merge(read, write)
    if (next === KEEP) siblings[write++] = siblings[read++]!
    else read = next
  }
  siblings.length = write
}

/**
 * parse-latin's `mergeInnerWordSymbol`: words joined by inner-word symbols
 * (`al-Sharif`, `it's`, `1.5`, `a.m`) become one word.
 */
export function mergeInnerWordSymbol(parent: Sentence): undefined {
  const siblings = parent.children
  const length = siblings.length
  compact(siblings, (read, write) => {
    const child = siblings[read]!
    const previous = write > 0 ? siblings[write - 1]! : undefined
    if (!previous || previous.type !== 'WordNode' || (child.type !== 'SymbolNode' && child.type !== 'PunctuationNode')) return KEEP
    let position = read
    const tokens: WordContent[] = []
    let queue: WordContent[] = []
    // Words and inner-word symbols from here on; a queue of symbols counts
    // only once a word follows it.
    while (position < length) {
      const sibling = siblings[position]!
      if (sibling.type === 'WordNode') {
        tokens.push(...queue, ...sibling.children)
        queue = []
      } else if ((sibling.type === 'SymbolNode' || sibling.type === 'PunctuationNode') && wordSymbolInner.test(toString(sibling))) {
        queue.push(sibling)
      } else {
        break
      }
      position++
    }
    if (tokens.length === 0) return KEEP
    previous.children.push(...tokens)
    const last = tokens[tokens.length - 1]!
    if (previous.position && last.position) previous.position.end = last.position.end
    // Go on at the first node not merged (a trailing symbol is looked at again).
    return position - queue.length
  })
  return undefined
}

/** Whether `node` is a symbol or punctuation mark whose text is `value`. */
function isMark(node: SentenceContent, value: string): boolean {
  return (node.type === 'SymbolNode' || node.type === 'PunctuationNode') && toString(node) === value
}

/**
 * parse-latin's `mergeInitialWordSymbol`: an `&` not after a word goes into
 * the word after it (`&c`).
 */
export function mergeInitialWordSymbol(parent: Sentence): undefined {
  const siblings = parent.children
  const length = siblings.length
  let write = 0
  let read = 0

  while (read < length) {
    const child = siblings[read]!
    const next = siblings[read + 1]
    if (isMark(child, '&') && !(write > 0 && siblings[write - 1]!.type === 'WordNode') && next && next.type === 'WordNode') {
      next.children.unshift(child as WordContent)
      if (next.position && child.position) next.position.start = child.position.start
      // parse-latin looks at the node before again, now that a word follows it.
      if (write > 0) siblings[read] = siblings[--write]!
      else read++
      continue
    }
    siblings[write++] = child
    read++
  }

  siblings.length = write
  return undefined
}

/**
 * parse-latin's `mergeFinalWordSymbol`: a `-` after a word and not before
 * one goes into the word before it (`pre-`).
 */
export function mergeFinalWordSymbol(parent: Sentence): undefined {
  const siblings = parent.children
  compact(siblings, (read, write) => {
    const child = siblings[read]!
    if (write === 0 || !isMark(child, '-')) return KEEP
    const previous = siblings[write - 1]!
    const next = siblings[read + 1]
    if ((next && next.type === 'WordNode') || previous.type !== 'WordNode') return KEEP
    previous.children.push(child as WordContent)
    if (previous.position && child.position) previous.position.end = child.position.end
    return read + 1
  })
  return undefined
}

/**
 * parse-latin's `mergeInnerWordSlash`: a `/` after a word of fewer than
 * three characters, and the word after it if that is short too, go into
 * that word (`km/h`, `n/a`).
 */
export function mergeInnerWordSlash(parent: Sentence): undefined {
  const siblings = parent.children
  compact(siblings, (read, write) => {
    const child = siblings[read]!
    const previous = write > 0 ? siblings[write - 1]! : undefined
    if (!previous || previous.type !== 'WordNode' || !isMark(child, '/')) return KEEP
    const previousValue = toString(previous)
    let tail: SentenceContent = child
    const queue: WordContent[] = [child as WordContent]
    let count = 1
    let nextValue = ''
    const next = siblings[read + 1]
    if (next && next.type === 'WordNode') {
      nextValue = toString(next)
      tail = next
      queue.push(...next.children)
      count++
    }
    if (previousValue.length >= 3 || (nextValue && nextValue.length >= 3)) return KEEP
    previous.children.push(...queue)
    if (previous.position && tail.position) previous.position.end = tail.position.end
    return read + count
  })
  return undefined
}

/**
 * Whether `value` (one code unit, or empty) is numerical for parse-latin's
 * `mergeInitialisms`. Its expression is not exported, so upstream
 * `mergeInitialisms` itself answers, once per code unit, on a probe: the
 * word `X.0` before a full stop takes the full stop unless `X` is a digit.
 */
function isNumerical(value: string, upstream: (sentence: Sentence) => unknown): boolean {
  const code = value.length === 1 ? value.charCodeAt(0) : 0x10000
  let known = numericalClasses[code]!
  if (known === 0) {
    const probe: Sentence = {
      type: 'SentenceNode',
      children: [
        {type: 'WordNode', children: [{type: 'TextNode', value}, {type: 'PunctuationNode', value: '.'}, {type: 'TextNode', value: '0'}]},
        {type: 'PunctuationNode', value: '.'}
      ]
    }
    upstream(probe)
    known = probe.children.length === 2 ? 1 : 2
    numericalClasses[code] = known
  }
  return known === 1
}

/** Per code unit (and one slot for the empty string): 0 not asked yet, 1 numerical, 2 not. */
const numericalClasses = new Uint8Array(0x10001)

/**
 * parse-latin's `mergeInitialisms`, given upstream's own plugin (which
 * answers what is numerical): a full stop after a word of single
 * characters joined by full stops (`U.S`, `e.g`) goes into that word,
 * unless every character is a digit (`1.2`).
 */
export function linearMergeInitialisms(upstream: (sentence: Sentence) => unknown): (parent: Sentence) => undefined {
  return function mergeInitialisms(parent: Sentence): undefined {
    const siblings = parent.children
    compact(siblings, (read, write) => {
      const child = siblings[read]!
      if (write === 0 || child.type !== 'PunctuationNode' || toString(child) !== '.') return KEEP
      const previous = siblings[write - 1]!
      if (previous.type !== 'WordNode' || !previous.children || previous.children.length === 1 || previous.children.length % 2 === 0 || !isInitialism(previous.children, upstream)) return KEEP
      previous.children.push(child)
      if (previous.position && child.position) previous.position.end = child.position.end
      return read + 1
    })
    return undefined
  }
}

/** parse-latin's test of a word's children in `mergeInitialisms`, from the end. */
function isInitialism(children: WordContent[], upstream: (sentence: Sentence) => unknown): boolean {
  let position = children.length
  let isAllDigits = true
  while (children[--position]) {
    const value = toString(children[position]!)
    if (position % 2 === 0) {
      if (value.length > 1) return false
      if (!isNumerical(value, upstream)) isAllDigits = false
    } else if (value !== '.') {
      if (position < children.length - 2) break
      return false
    }
  }
  return !isAllDigits
}

/** parse-english 7.0.0's expressions (lib/index.js, lib/regex.js; the package exports none). */
const apostrophe = /^['\u2019]$/
const elisionPrefix = /^(ol?)$/
const elisionAffix = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/

/**
 * parse-english's `mergeEnglishElisionExceptions`: `w/` is one word; an
 * apostrophe after `o`/`ol` between spaces ends that word (`ol' `); one
 * before `tis`, `em`, `cause`, two digits… starts the next word (`'em`,
 * `'90s`), and `'n'` is one word. Upstream walks with
 * `unist-util-visit-children`, which after each removal skips the node that
 * moved into the removed one's place; that skip is kept.
 */
export function mergeEnglishElisionExceptions(parent: Sentence): undefined {
  const siblings = parent.children
  const length = siblings.length
  let write = 0
  let read = 0

  // The node at `read` is upstream's `siblings[index]` with `index` = `write`:
  // before it are the nodes written, after it those not read yet.
  while (read < length) {
    const child = siblings[read]!
    const merged = child.type === 'PunctuationNode' || child.type === 'SymbolNode' ? elisionMerge(child, siblings, write, read, length) : KEPT
    if (merged === KEPT) {
      siblings[write++] = child
      read++
      continue
    }
    // The mark left the list. Upstream's walk then skips the node that moved
    // into its place (the word it joined, or whatever followed): it is kept
    // as is. With `'n'`, the closing apostrophe left too.
    read++
    if (read < length) siblings[write++] = siblings[read++]!
    if (merged === MARK_AND_CLOSING) read++
  }

  siblings.length = write
  return undefined
}

/** What `elisionMerge` did: nothing, the mark merged, or the mark and a closing apostrophe. */
const KEPT = 0
const MARK = 1
const MARK_AND_CLOSING = 2

/**
 * Merge the mark `child` (upstream's `siblings[write]`, the list being the
 * `write` nodes written and those from `read` on) as parse-english does.
 */
function elisionMerge(child: SentenceContent, siblings: SentenceContent[], write: number, read: number, length: number): number {
  const value = toString(child)
  const before = write > 0 ? siblings[write - 1] : undefined
  const currentLength = write + (length - read)
  if (value === '/') {
    if (before && before.type === 'WordNode' && toString(before).toLowerCase() === 'w') {
      before.children.push(child as WordContent)
      if (before.position && child.position) before.position.end = child.position.end
      return MARK
    }
    return KEPT
  }
  if (!apostrophe.test(value)) return KEPT

  if (
    write > 2 &&
    write < currentLength - 1 &&
    before!.type === 'WordNode' &&
    siblings[write - 2]!.type === 'WhiteSpaceNode' &&
    siblings[read + 1]!.type === 'WhiteSpaceNode' &&
    elisionPrefix.test(toString(before!).toLowerCase())
  ) {
    before!.children.push(child as WordContent)
    if (before!.position && child.position) before!.position.end = child.position.end
    return MARK
  }

  const next = siblings[read + 1]
  if (write !== currentLength - 1 && next!.type === 'WordNode' && (write === 0 || before!.type !== 'WordNode')) {
    const word = next!.type === 'WordNode' ? next! : undefined
    const lower = toString(next!).toLowerCase()
    const other = siblings[read + 2]
    if (word && elisionAffix.test(lower)) {
      word.children.unshift(child as WordContent)
      if (word.position && child.position) word.position.start = child.position.start
      return MARK
    }
    if (word && lower === 'n' && other && other.type === 'PunctuationNode' && apostrophe.test(toString(other))) {
      word.children.unshift(child as WordContent)
      word.children.push(other)
      if (word.position) {
        if (child.position) word.position.start = child.position.start
        if (other.position) word.position.end = other.position.end
      }
      return MARK_AND_CLOSING
    }
  }
  return KEPT
}

/** Line breaks in `value`, a CRLF counting once (parse-latin splits on `/\r\n|\r|\n/`). */
function lineBreaks(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    }
  }
  return count
}

/**
 * parse-latin's `breakImplicitSentences`: white space with two or more line
 * breaks inside a sentence (never its first or last node) ends the
 * sentence; the white space becomes a sibling of both halves.
 */
export function breakImplicitSentences(parent: Paragraph): undefined {
  const input = parent.children
  let output: ParagraphContent[] | undefined

  for (let index = 0; index < input.length; index++) {
    const child = input[index]!
    if (child.type !== 'SentenceNode') {
      output?.push(child)
      continue
    }

    // The sentence being cut, and where its remaining children start in
    // `children` (parse-latin slices the rest off at each cut; the bounds
    // are the same).
    const children = child.children
    const last = children.length - 1
    let current: Sentence = child
    let from = 0
    let position = 1

    while (position < last) {
      const node = children[position]!
      if (node.type !== 'WhiteSpaceNode' || lineBreaks(toString(node)) < 2) {
        position++
        continue
      }

      output ??= input.slice(0, index)
      current.children = children.slice(from, position)
      const insertion: Sentence = {type: 'SentenceNode', children: []}
      const tail = children[position - 1]!
      const head = children[position + 1]!
      output.push(current, node as WhiteSpace)
      if (current.position && tail.position && head.position) {
        const end = current.position.end
        current.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }

      current = insertion
      from = position + 1
      // The new sentence's first node is never a cut.
      position = from + 1
    }

    if (current !== child) current.children = children.slice(from)
    output?.push(current)
  }

  if (output) {
    input.length = 0
    for (const node of output) input.push(node)
  }
  return undefined
}
