import {VFile} from 'vfile'
import {applyAcceptedPhrases, applySeverities, type RuleSetting} from './engine/adjust.js'
import {applyDirectives, readDirectives} from './engine/directives.js'
import {applyFixes} from './engine/fix.js'
import type {PosteditMessage} from './engine/report.js'
import {loadHtmlSupport, maskHtml} from './markdown/html-mask.js'
import {loadMarkdownSupport, maskMarkdown, maskPlainText, maskRanges} from './markdown/mask.js'
import {createProcessor, type PosteditProcessor, type ProcessorOptions} from './processor.js'

/** Options of {@link postedit}. */
export interface Options extends ProcessorOptions {
  /** Apply the fixes that are certain (default: `false`). */
  fix?: boolean
  /**
   * How to read the input: `markdown` checks only prose (front matter, code,
   * HTML and link targets are never flagged or changed); `html` checks only
   * the text of the page (tags, attributes, scripts, styles, code, character
   * references and URLs are never flagged or changed). Default: `markdown`
   * for a VFile whose extension is `.md` or `.markdown`, `html` for `.html`
   * or `.htm`, else `text`.
   */
  format?: 'text' | 'markdown' | 'html'
  /** Severity per rule id or prefix (`names.consistency: 'error'`), or `off`. */
  severities?: Record<string, RuleSetting>
  /** Phrases that are right as written: nothing inside them is reported. */
  phrases?: string[]
}

/** What {@link postedit} found and did. */
export interface PosteditResult {
  /** The corrected text, or the input unchanged when fixing is off. */
  value: string
  /**
   * Messages about `value`: with fixing off, everything found in the input;
   * with fixing on, what remains in the corrected text.
   */
  messages: PosteditMessage[]
  /** Messages whose fixes were applied, in the order of the passes. */
  applied: PosteditMessage[]
  /** The file holding `value` and `messages`. */
  file: VFile
}

/** Passes of fix-then-lint before postedit stops trying. */
export const MAX_PASSES = 10

const byPlace = (a: PosteditMessage, b: PosteditMessage) =>
  (a.place && 'start' in a.place ? (a.place.start.offset ?? 0) : 0) - (b.place && 'start' in b.place ? (b.place.start.offset ?? 0) : 0) ||
  String(a.ruleId).localeCompare(String(b.ruleId))

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd'])

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])

/** How `file` is read under `options`: the format asked for, else by extension. */
export function formatOf(file: VFile, options: Options): 'text' | 'markdown' | 'html' {
  if (options.format) return options.format
  const extension = (file.extname ?? '').toLowerCase()
  return MARKDOWN_EXTENSIONS.has(extension) ? 'markdown' : HTML_EXTENSIONS.has(extension) ? 'html' : 'text'
}

/** Whether `file` is read as Markdown under `options`. */
export function isMarkdown(file: VFile, options: Options): boolean {
  return formatOf(file, options) === 'markdown'
}

/** The same-length view of `source` the rules see, by format. */
function proseView(source: string, format: 'text' | 'markdown' | 'html'): string {
  return format === 'markdown' ? maskMarkdown(source) : format === 'html' ? maskHtml(source) : maskPlainText(source)
}

/** Load the parser `format` needs, if any. */
export async function loadSupportFor(format: 'text' | 'markdown' | 'html'): Promise<void> {
  if (format === 'markdown') await loadMarkdownSupport()
  else if (format === 'html') await loadHtmlSupport()
}

/**
 * Lint `file`: rules run on a same-length view of the text in which what is
 * not prose (code, URLs, directive lines) is masked, so every offset is an
 * offset into the file itself; then directives and settings filter.
 */
function lint(processor: PosteditProcessor, file: VFile, options: Options): PosteditMessage[] {
  const source = String(file.value)
  const directives = readDirectives(source)
  // Old Mac line endings (a lone CR) read as LF: same length, so every offset stays.
  const lines = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source
  const view = maskRanges(proseView(lines, formatOf(file, options)), directives.lines)
  const work = new VFile({path: file.path, cwd: file.cwd, value: view})
  processor.runSync(processor.parse(work), work)
  let messages = work.messages as PosteditMessage[]
  messages = applyDirectives(messages, directives.ranges)
  messages = applySeverities(messages, options.severities)
  messages = applyAcceptedPhrases(messages, source, options.phrases)
  messages.sort(byPlace)
  file.messages.push(...messages)
  return messages
}

/**
 * Check machine-translated English text and, with `fix: true`, correct what
 * is certain. Fixes are applied by offset to the original string, then the
 * result is checked again (up to 10 passes, stopping when nothing changes or
 * a fix would undo another), so everything not fixed stays as it was.
 *
 * ```js
 * const result = await postedit('Talks took place through the video circle.', {fix: true})
 * result.value // 'Talks took place via videoconference.'
 * ```
 */
export async function postedit(input: string | VFile, options: Options = {}): Promise<PosteditResult> {
  await loadSupportFor(input instanceof VFile ? formatOf(input, options) : (options.format ?? 'text'))
  return posteditSync(input, options)
}

/**
 * {@link postedit}, synchronously: every postedit rule is synchronous. For
 * Markdown, call `await loadMarkdownSupport()` once first; for HTML,
 * `await loadHtmlSupport()`.
 */
export function posteditSync(input: string | VFile, options: Options = {}): PosteditResult {
  const processor = createProcessor(options)
  let file = input instanceof VFile ? input : new VFile({value: input})
  let messages = lint(processor, file, options)
  const applied: PosteditMessage[] = []
  if (options.fix) {
    const seen = new Set([String(file.value)])
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const fixable = messages.filter((message) => message.fix)
      if (fixable.length === 0) break
      const text = String(file.value)
      const outcome = applyFixes(text, fixable.map((message) => message.fix!))
      // Equal to an earlier text: the fixes cycle, so stop where we are.
      if (outcome.value === text || seen.has(outcome.value)) break
      seen.add(outcome.value)
      const used = new Set(outcome.applied)
      applied.push(...fixable.filter((message) => used.has(message.fix!)))
      file = new VFile({path: file.path, cwd: file.cwd, value: outcome.value})
      messages = lint(processor, file, options)
    }
  }
  return {value: String(file.value), messages, applied, file}
}
