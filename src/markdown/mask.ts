import {unified, type Processor} from 'unified'
import type {Nodes, Root} from 'mdast'
import {MASK} from '../engine/masked-text.js'
import {LINK_MARKS, matchesAroundMarks} from '../infra/marked-matches.js'

/** The character that stands in for what is not prose (defined with the masked text that uses it). */
export {MASK}

let parser: Processor | undefined

/**
 * Load the Markdown parser (remark-parse with remark-frontmatter). It is
 * loaded on demand, so checking plain text never pays for it; `postedit()`
 * calls this itself, `posteditSync()` needs it called once beforehand.
 */
export async function loadMarkdownSupport(): Promise<void> {
  if (parser) return
  const [{default: remarkParse}, {default: remarkFrontmatter}] = await Promise.all([import('remark-parse'), import('remark-frontmatter')])
  parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']) as unknown as Processor
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>()]+|[\w.+-]+@[\w-]+\.[\w.-]+/g

/** Ranges of `source` that are not prose, from the Markdown syntax tree. */
function hiddenRanges(source: string): Array<[number, number]> {
  if (!parser) {
    throw new Error('postedit: Markdown support is loaded asynchronously: use `await postedit()`, or call `await loadMarkdownSupport()` once before `posteditSync()`')
  }
  const tree = parser.parse(source) as unknown as Root
  const ranges: Array<[number, number]> = []
  const span = (node: Nodes): [number, number] | undefined => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    return start === undefined || end === undefined ? undefined : [start, end]
  }
  const walk = (node: Nodes): void => {
    const range = span(node)
    switch (node.type) {
      case 'yaml':
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'definition':
      case 'image':
      case 'imageReference':
        if (range) ranges.push(range)
        return
      case 'link':
      case 'linkReference': {
        // The link text is prose; the brackets, target and title are not.
        if (!range) return
        let cursor = range[0]
        for (const child of node.children) {
          const inner = span(child)
          if (!inner) continue
          if (inner[0] > cursor) ranges.push([cursor, inner[0]])
          cursor = inner[1]
          walk(child)
        }
        if (range[1] > cursor) ranges.push([cursor, range[1]])
        return
      }
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes)
    }
  }
  walk(tree)
  // TOML front matter has no node type in mdast's typings; remark-frontmatter adds it.
  for (const node of tree.children as Array<{type: string; position?: {start: {offset?: number}; end: {offset?: number}}}>) {
    if (node.type === 'toml' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push([node.position.start.offset, node.position.end.offset])
    }
  }
  return ranges
}

/**
 * Hide everything in `text` within `ranges` behind {@link MASK}, keeping
 * line breaks, so every offset, line and column stays that of the original.
 */
export function maskRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text
  // Built from slices, not an array of characters: a long text would need
  // tens of bytes per character.
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const parts: string[] = []
  let cursor = 0
  for (const [from, to] of sorted) {
    const start = Math.max(from, cursor)
    if (to <= start) continue
    parts.push(text.slice(cursor, start), text.slice(start, to).replace(/[^\r\n]/g, MASK))
    cursor = to
  }
  parts.push(text.slice(cursor))
  return parts.join('')
}

/**
 * The prose of a Markdown document, same length as the document: front
 * matter, code, inline code, HTML, link targets, images and bare URLs masked.
 */
export function maskMarkdown(source: string): string {
  return maskRanges(source, markdownHiddenRanges(source))
}

/** What {@link maskMarkdown} hides, as ranges of `source` (in no particular order). */
export function markdownHiddenRanges(source: string): Array<[number, number]> {
  const ranges = hiddenRanges(source)
  for (const range of matchesAroundMarks(source, URL_LIKE, LINK_MARKS)) ranges.push(range)
  return ranges
}

/** Plain text with URLs and e-mail addresses masked (they are never prose). */
export function maskPlainText(source: string): string {
  return maskRanges(source, plainTextHiddenRanges(source))
}

/** What {@link maskPlainText} hides: the URLs and e-mail addresses of `source`, in order. */
export function plainTextHiddenRanges(source: string): Array<[number, number]> {
  return matchesAroundMarks(source, URL_LIKE, LINK_MARKS)
}
