import type {Nodes, Root} from 'hast'
import {maskRanges} from './mask.js'
import {LINK_MARKS, matchesAroundMarks} from '../infra/marked-matches.js'

type FromHtml = (typeof import('hast-util-from-html'))['fromHtml']

let fromHtml: FromHtml | undefined

/**
 * Load the HTML parser (hast-util-from-html, the parser behind rehype). It is
 * loaded on demand, so checking text or Markdown never pays for it;
 * `postedit()` calls this itself, `posteditSync()` needs it called once
 * beforehand.
 */
export async function loadHtmlSupport(): Promise<void> {
  if (fromHtml) return
  fromHtml = (await import('hast-util-from-html')).fromHtml
}

/**
 * Elements whose text is not prose: code, program text, raw text and
 * foreign markup. Their content is never flagged or changed.
 */
const NOT_PROSE = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'template', 'textarea', 'noscript', 'svg', 'math', 'iframe', 'object'])

/** A character reference (`&amp;`, `&#8217;`, `&#x2019;`): masked whole, so no fix can split one. */
const ENTITY = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)/g

/** A tag inside a range the parser gave a text node (see `proseRanges`). */
const TAG_LIKE = /<\/?[A-Za-z][^<>]*>/g

const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+|[\w.+-]+@[\w-]+\.[\w.-]+/g

/**
 * Ranges of `source` that are prose: text nodes outside code, scripts,
 * styles and foreign markup, as the HTML parser located them. Tags,
 * attributes, comments and the doctype fall between them.
 */
function proseRanges(source: string): Array<[number, number]> {
  if (!fromHtml) {
    throw new Error('postedit: HTML support is loaded asynchronously: use `await postedit()`, or call `await loadHtmlSupport()` once before `posteditSync()`')
  }
  // A fragment unless the file is a whole document, so no <html>/<body> is implied around nothing.
  const whole = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body)\b/i.test(source)
  const tree = fromHtml(source, {fragment: !whole}) as Root
  const ranges: Array<[number, number]> = []
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      // A text node the parser made up (no position) has no bytes of its own;
      // one of white space only holds no prose. The parser merges white space
      // after `</body>` into the body's last text node, whose position then
      // spans the end tags between: those are masked as tags below.
      if (start !== undefined && end !== undefined && end > start && node.value.trim() !== '') ranges.push([start, end])
      return
    }
    if (node.type === 'element' && NOT_PROSE.has(node.tagName.toLowerCase())) return
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
    // <template> content lives apart from its children in hast.
    if (node.type === 'element' && 'content' in node && node.content) walk(node.content as Nodes)
  }
  walk(tree)
  return ranges.sort((a, b) => a[0] - b[0])
}

/**
 * The prose of an HTML document, same length as the document: tags,
 * attributes, comments, scripts, styles, code, character references and URLs
 * masked, so every rule keeps exact offsets into the file.
 */
export function maskHtml(source: string): string {
  return maskRanges(source, htmlHiddenRanges(source))
}

/** What {@link maskHtml} hides, as ranges of `source` (in no particular order). */
export function htmlHiddenRanges(source: string): Array<[number, number]> {
  const prose = proseRanges(source)
  const hidden: Array<[number, number]> = []
  let cursor = 0
  for (const [start, end] of prose) {
    if (start > cursor) hidden.push([cursor, start])
    const text = source.slice(start, end)
    for (const match of text.matchAll(ENTITY)) hidden.push([start + match.index, start + match.index + match[0].length])
    for (const match of text.matchAll(TAG_LIKE)) hidden.push([start + match.index, start + match.index + match[0].length])
    for (const [from, to] of matchesAroundMarks(text, URL_LIKE, LINK_MARKS)) hidden.push([start + from, start + to])
    cursor = Math.max(cursor, end)
  }
  if (source.length > cursor) hidden.push([cursor, source.length])
  return hidden
}
