import {VFile} from 'vfile'
import {applyAcceptedPhrases, applySeverities, offRules, type RuleSetting} from './engine/adjust.js'
import {applyDirectives, readDirectives} from './engine/directives.js'
import {applyFixes} from './engine/fix.js'
import {chunkLimits, chunkRanges, pieceChecked, type PieceState} from './engine/chunks.js'
import {offsetsOf, report, type PosteditMessage} from './engine/report.js'
import type {Finding, Fix} from './engine/types.js'
import {checkOptionShapes, checkRuleIds, inputFile} from './config/validate-options.js'
import {findArtifacts} from './packs/find.js'
import {isOffFor, rulesOf} from './rules/options.js'
import {SPELLING_RULES, unknownNameWords} from './rules/spelling.js'
import {htmlHiddenRanges, loadHtmlSupport} from './markdown/html-mask.js'
import {widenDeletionsToElements} from './markdown/html-elements.js'
import {loadMarkdownSupport, markdownHiddenRanges, maskRanges, plainTextHiddenRanges} from './markdown/mask.js'
import {MaskedText} from './engine/masked-text.js'
import {createProcessor, type PosteditProcessor, type ProcessorOptions} from './processor.js'
import type {RuleSet} from './packs/compile.js'
import {loadGazetteer} from './names/gazetteer.js'
import {identityOf} from './spelling/speller.js'

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
  offsetsOf(a)[0] - offsetsOf(b)[0] ||
  String(a.ruleId).localeCompare(String(b.ruleId))

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd'])

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])

/** How `file` is read under `options`: the format asked for, else by extension. */
export function formatOf(file: VFile, options: Options): 'text' | 'markdown' | 'html' {
  if (options.format) return options.format
  const extension = (file.extname ?? '').toLowerCase()
  return MARKDOWN_EXTENSIONS.has(extension) ? 'markdown' : HTML_EXTENSIONS.has(extension) ? 'html' : 'text'
}

/** What of `source` is not prose, by format: the ranges the rules see masked. */
function hiddenRangesOf(source: string, format: 'text' | 'markdown' | 'html'): Array<[number, number]> {
  return format === 'markdown' ? markdownHiddenRanges(source) : format === 'html' ? htmlHiddenRanges(source) : plainTextHiddenRanges(source)
}

/** Load the parser `format` needs, if any. */
export async function loadSupportFor(format: 'text' | 'markdown' | 'html'): Promise<void> {
  if (format === 'markdown') await loadMarkdownSupport()
  else if (format === 'html') await loadHtmlSupport()
}

/**
 * Lint `file`: rules run on a same-length view of the text in which what is
 * not prose (code, URLs, directive lines) is masked, so every offset is an
 * offset into the file itself; then directives and settings filter. A text
 * longer than the chunking threshold is checked in pieces (see
 * {@link lintInPieces}).
 */
function lint(processor: PosteditProcessor, rules: RuleSet, file: VFile, options: Options): PosteditMessage[] {
  const source = String(file.value)
  const directives = readDirectives(source)
  // Old Mac line endings (a lone CR) read as LF: same length, so every offset stays.
  const lines = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source
  const format = formatOf(file, options)
  const hidden = hiddenRangesOf(lines, format)
  for (const range of directives.lines) hidden.push(range)
  const limits = chunkLimits()
  let work: VFile
  if (lines.length > limits.threshold) {
    // Masked piece by piece: a masked copy of a long text would double what it holds.
    const view = new MaskedText(lines, hidden)
    work = new VFile({path: file.path, cwd: file.cwd, value: placesOf(view)})
    lintInPieces(processor, rules, work, view, options, limits.size)
  } else {
    work = new VFile({path: file.path, cwd: file.cwd, value: maskRanges(lines, hidden)})
    processor.runSync(processor.parse(work), work)
  }
  let messages = work.messages as PosteditMessage[]
  messages = applyDirectives(messages, directives.ranges)
  messages = applySeverities(messages, options.severities)
  messages = applyAcceptedPhrases(messages, source, options.phrases)
  if (format === 'html') widenDeletionsToElements(source, messages)
  messages.sort(byPlace)
  // One by one: spreading a list of a hundred thousand messages (a long dump) overflows the stack.
  for (const message of messages) file.messages.push(message)
  return messages
}

/**
 * A text with the lines and byte order mark of `view`, to place messages
 * on it (`report` reads only these of a file whose messages bring their
 * own `actual`): the unmasked text itself, unless markup hides a byte
 * order mark at its start.
 */
function placesOf(view: MaskedText): string {
  const text = view.source
  return text.startsWith('\uFEFF') && !view.slice(0, 1).startsWith('\uFEFF') ? view.slice(0, 1) + text.slice(1) : text
}

/** A message of a piece as a finding of the whole text, `offset` further on. */
function shifted(message: PosteditMessage, offset: number): Finding {
  const place = message.place as {start: {offset: number}; end: {offset: number}}
  const finding: Finding = {
    ruleId: String(message.ruleId),
    reason: message.reason,
    start: place.start.offset + offset,
    end: place.end.offset + offset,
    severity: message.severity ?? 'warning'
  }
  if (message.actual !== undefined) finding.actual = message.actual
  if (message.expected) finding.expected = message.expected as string[]
  if (message.note) finding.note = message.note
  if (message.url) finding.url = message.url
  if (message.fix) finding.fix = {start: message.fix.start + offset, end: message.fix.end + offset, text: message.fix.text}
  return finding
}

/**
 * Check a long text piece by piece ({@link chunkRanges}), so time and memory
 * grow linearly with its length: each piece's tree is dropped before the
 * next is parsed. Boilerplate at the start and end of the text is looked for
 * in the whole text, and what it finds is handed to the piece it lies in
 * (the spelling rule leaves what another rule reported alone). Article-wide
 * checks (one name spelled two ways) see one piece: a text this long is many
 * articles, not one.
 */
function lintInPieces(processor: PosteditProcessor, rules: RuleSet, work: VFile, view: MaskedText, options: Options, size: number): void {
  const artifacts = findArtifacts(rules, view, isOffFor(disabledBy(options)))
  const state: PieceState = {suggested: new Set(), names: new Map(), overflowReported: false}
  let next = 0
  for (const [start, end] of chunkRanges(view, size)) {
    const piece = new VFile({path: work.path, cwd: work.cwd, value: view.slice(start, end)})
    piece.data.posteditPiece = true
    piece.data.posteditPieces = state
    for (; next < artifacts.length && artifacts[next]!.start < end; next++) {
      const finding = artifacts[next]!
      // Boilerplate spanning two pieces is reported on the whole text directly.
      if (finding.end > end) report(work, finding)
      else report(piece, {...finding, start: finding.start - start, end: finding.end - start, ...(finding.fix ? {fix: {...finding.fix, start: finding.fix.start - start, end: finding.fix.end - start}} : {})})
    }
    processor.runSync(processor.parse(piece), piece)
    for (const message of piece.messages as PosteditMessage[]) report(work, shifted(message, start))
    pieceChecked()
  }
  // A name is reported where it first occurs, with how often it occurs in the whole text.
  for (const message of work.messages as PosteditMessage[]) {
    if (message.ruleId !== SPELLING_RULES.unknownName.id) continue
    const count = state.names.get(String(message.actual))
    if (count === undefined) continue
    const words = unknownNameWords(String(message.actual), count, message.expected ?? [])
    message.reason = words.reason
    message.message = words.reason
    message.note = words.note
  }
}

/**
 * Check machine-translated English text and, with `fix: true`, correct what
 * is certain. Fixes are applied by offset to the original string, then the
 * result is checked again (up to 10 passes, stopping when nothing changes or
 * a fix would undo another), so everything not fixed stays as it was.
 *
 * The input is a string, UTF-8 bytes or a VFile holding either; the caller's
 * VFile is never changed (`result.file` is a new one). Wrong input or
 * options throw a `TypeError` that names them.
 *
 * ```js
 * const result = await postedit('Talks took place through the video circle.', {fix: true})
 * result.value // 'Talks took place via videoconference.'
 * ```
 */
export async function postedit(input: string | Uint8Array | VFile, options: Options = {}): Promise<PosteditResult> {
  checkOptionShapes(options)
  const file = inputFile(input)
  await loadSupportFor(formatOf(file, options))
  return posteditSync(file, options)
}

/**
 * Ranges of `value` that the fixes of `applied` wrote (offsets in `value`),
 * where `applied` are fixes of the text before, in text order.
 */
function writtenRanges(applied: readonly Fix[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let delta = 0
  for (const fix of applied) {
    const start = fix.start + delta
    ranges.push([start, start + fix.text.length])
    delta += fix.text.length - (fix.end - fix.start)
  }
  return ranges
}

/** What is not run: the rules disabled, and those configured `off`. */
const disabledBy = (options: Options): string[] | undefined => {
  const off = offRules(options.severities)
  return off.length === 0 ? options.disable : [...(options.disable ?? []), ...off]
}

/**
 * {@link postedit}, synchronously: every postedit rule is synchronous. For
 * Markdown, call `await loadMarkdownSupport()` once first; for HTML,
 * `await loadHtmlSupport()`.
 */
export function posteditSync(input: string | Uint8Array | VFile, options: Options = {}): PosteditResult {
  checkOptionShapes(options)
  options ??= {}
  let file = inputFile(input)
  // Packs are looked up once per call (each lookup checks every pack file for changes).
  const rules = rulesOf(options)
  const processor = processorFor(options, rules, disabledBy(options))
  checkRuleIds(rules, options)
  let messages = lint(processor, rules, file, options)
  const applied: PosteditMessage[] = []
  if (options.fix) {
    const seen = new Set([String(file.value)])
    // What the previous pass wrote: a later fix that grows it is fixing its own output.
    let written: Array<[number, number]> = []
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const fixable = messages.filter((message) => message.fix && !growsWritten(message.fix, written))
      if (fixable.length === 0) break
      const text = String(file.value)
      const outcome = applyFixes(text, fixable.map((message) => message.fix!))
      // Equal to an earlier text: the fixes cycle, so stop where we are.
      if (outcome.value === text || seen.has(outcome.value)) break
      seen.add(outcome.value)
      written = writtenRanges(outcome.applied)
      const used = new Set(outcome.applied)
      applied.push(...fixable.filter((message) => used.has(message.fix!)))
      file = new VFile({path: file.path, cwd: file.cwd, value: outcome.value})
      messages = lint(processor, rules, file, options)
    }
  }
  return {value: String(file.value), messages, applied, file}
}

/** Processors kept for later calls with the same options (an editor re-checks one article often). */
const processors = new Map<string, PosteditProcessor>()
const MAX_PROCESSORS = 8

/**
 * The processor for `options`: built on the first call, then reused while
 * the packs and gazetteer it was built with are unchanged (each call still
 * looks them up, so an edited pack or gazetteer file is picked up), which
 * saves building and freezing every rule plugin per call.
 */
function processorFor(options: Options, rules: RuleSet, disable: string[] | undefined): PosteditProcessor {
  const gazetteer = loadGazetteer(options.names ?? ['default'])
  const dictionary = options.dictionary
  const key = JSON.stringify([
    identityOf(rules),
    identityOf(gazetteer),
    disable ?? null,
    options.spelling ?? null,
    options.names ?? null,
    options.style ?? null,
    options.words ?? null,
    dictionary === undefined || typeof dictionary === 'string' ? (dictionary ?? null) : identityOf(dictionary)
  ])
  let processor = processors.get(key)
  if (!processor) {
    if (processors.size >= MAX_PROCESSORS) processors.delete(processors.keys().next().value!)
    processor = createProcessor({...options, rules, disable})
    processors.set(key, processor)
  }
  return processor
}

/**
 * Whether `fix` lengthens text the previous pass wrote: a rule matching its
 * own replacement again (`talks` → `talks talks`) would otherwise double it
 * on every pass. Packs that do this are refused at load time; this guards
 * the fix loop against what slips through.
 */
function growsWritten(fix: Fix, written: ReadonlyArray<[number, number]>): boolean {
  if (fix.text.length <= fix.end - fix.start) return false
  return written.some(([start, end]) => fix.start < end && fix.end > start)
}
