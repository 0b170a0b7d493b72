/**
 * postedit's English parser: the nlcst tree of retext-english 5 /
 * parse-english 7 / parse-latin 7, node for node, built faster.
 *
 * parse-latin's `tokenize` runs up to three regular expressions on every
 * character and copies a point object per character; it is the single
 * largest cost of a postedit run. `FastParseEnglish` keeps everything of
 * `ParseEnglish` (its plugin arrays, their order, the data hooks) and only
 * replaces that first scan with one that classifies code units through a
 * table (see `token-classes.ts`) and builds a point only where a token
 * starts or ends. `tests/parser-identity.test.ts` compares both trees.
 */
import type {Processor} from 'unified'
import type {Paragraph, Root, Sentence, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {breakImplicitSentences, linearMergeInitialisms, mergeEnglishElisionExceptions, mergeFinalWordSymbol, mergeInitialWordSymbol, mergeInnerWordSlash, mergeInnerWordSymbol} from './linear-plugins.js'
import {CLASS_TYPES, WHITE_SPACE, WORD, classOf, isSurrogate} from './token-classes.js'

/** A plugin of parse-latin's lists, or an nlcst data hook. */
type Hook<Node> = (node: Node) => undefined | void

interface Point {
  line: number
  column: number
  offset: number
}

/**
 * Build the node parse-latin's `createNode` builds (same keys, same order).
 * Point objects are shared (a token's end is the next one's start, a word's
 * end is its text's end): parse-latin copies them, but no plugin or rule
 * changes a point in place, only which point a position holds, so the tree
 * is the same and there are fewer objects to allocate and collect.
 */
function createNode(type: number, value: string, start: Point, end: Point): SentenceContent {
  if (type === WORD) {
    return {
      type: 'WordNode',
      children: [{type: 'TextNode', value, position: {start, end}}],
      position: {start, end}
    }
  }
  return {type: CLASS_TYPES[type] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode', value, position: {start, end}}
}

/** `ParseEnglish` with a table-driven first scan; the tree is the same. */
export class FastParseEnglish extends ParseEnglish {
  /**
   * Split `value` into white space, punctuation, word and symbol tokens
   * exactly as parse-latin 7's `tokenize`: a run continues while the class
   * stays the same and is a word or white space, or repeats the same code
   * unit, or the code unit is a surrogate half. Lines advance at `\r`, at
   * `\n` not after `\r`; `\n` after `\r` moves neither line nor column.
   */
  override tokenize(value?: string | null): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    const length = value.length
    let line = 1
    let column = 1
    let from = 0
    let start: Point = {line, column, offset: 0}
    let previousType = 0
    let previousCode = -1

    for (let index = 0; index < length; index++) {
      const code = value.charCodeAt(index)
      const type = classOf(code)
      if (index > 0 && !(type === previousType && (type === WORD || type === WHITE_SPACE || code === previousCode || isSurrogate(code)))) {
        const end: Point = {line, column, offset: index}
        children.push(createNode(previousType, value.slice(from, index), start, end))
        from = index
        start = end
      }
      if (code === 13 || (code === 10 && previousCode !== 13)) {
        line++
        column = 1
      } else if (code !== 10) {
        column++
      }
      previousType = type
      previousCode = code
    }

    children.push(createNode(previousType, value.slice(from, length), start, {line, column, offset: length}))
    return children
  }
}

/**
 * parse-english 7's plugin lists with the linear equivalents in the places
 * of the plugins they replace (order unchanged). parse-latin exports no
 * plugins, so they are found by place; with lists of other lengths (another
 * release) the upstream ones stay.
 */
function withLinearPlugins<Node>(list: Array<Hook<Node>>, length: number, replacements: Record<number, Hook<Node>>): Array<Hook<Node>> {
  if (list.length !== length) return list
  return list.map((plugin, place) => replacements[place] ?? plugin)
}

// Sentence: elision exceptions, initial/final/inner word symbol, slash, initialisms, position.
FastParseEnglish.prototype.tokenizeSentencePlugins = withLinearPlugins(ParseEnglish.prototype.tokenizeSentencePlugins, 7, {
  0: mergeEnglishElisionExceptions,
  1: mergeInitialWordSymbol,
  2: mergeFinalWordSymbol,
  3: mergeInnerWordSymbol,
  4: mergeInnerWordSlash,
  5: linearMergeInitialisms(ParseEnglish.prototype.tokenizeSentencePlugins[5]!)
})
// Paragraph: English prefixes, non-word sentences, affix symbol, initial lower case, initial
// digit, prefix and affix exceptions, remaining full stops, initial/final white space,
// implicit sentence breaks, empty nodes, position.
FastParseEnglish.prototype.tokenizeParagraphPlugins = withLinearPlugins(ParseEnglish.prototype.tokenizeParagraphPlugins, 13, {10: breakImplicitSentences})


function prepend<Node>(list: Array<Hook<Node>>, values: unknown): void {
  if (values) list.unshift(...(values as Array<Hook<Node>>))
}

/**
 * unified plugin: parse English into nlcst, a drop-in for `retext-english`
 * (same tree; honours `nlcstParagraphExtensions`, `nlcstRootExtensions` and
 * `nlcstSentenceExtensions` in processor data the same way).
 */
export default function retextPosteditEnglish(this: Processor): undefined {
  const self = this
  self.parser = function parser(value: string): Root {
    const parser = new FastParseEnglish()
    prepend<Paragraph>(parser.tokenizeParagraphPlugins, self.data('nlcstParagraphExtensions' as never))
    prepend<Root>(parser.tokenizeRootPlugins, self.data('nlcstRootExtensions' as never))
    prepend<Sentence>(parser.tokenizeSentencePlugins, self.data('nlcstSentenceExtensions' as never))
    return parser.parse(value)
  }
  return undefined
}
