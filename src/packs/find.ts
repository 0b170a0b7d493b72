import type {Finding} from '../engine/types.js'
import type {Atom} from '../infra/atoms.js'
import {surfaceKey, type ArtifactRule, type PhraseRule, type PhraseValue, type RuleSet} from './compile.js'
import type {PhraseMatch} from './phrase-matcher.js'
import {selectMatches} from './phrase-matcher.js'
import {garbleKeys, sameOnset, withoutProclitic} from './garble-key.js'
import {eager} from '../infra/eager-regexp.js'
import {isCapitalAt} from '../infra/capital-at.js'
import {MASK, stringSlices, type TextSlices} from '../engine/masked-text.js'
import {perWordType} from '../engine/word-cache.js'
import {needsIndexOf, type NeedsIndex} from './needs-index.js'

/** Tells whether a rule id is turned off. */
export type {IsOff} from '../infra/rule-ids.js'
import type {IsOff} from '../infra/rule-ids.js'

const CONTEXT_WORDS = 3

/** Number words, for the `#number` class of context words. */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter'.split(' ')
)

/** Whether `atom` is one of `words`, or of a word class they name (`#number`, `#capitalized`, `#ing`: a lower-case word in -ing). */
function isOneOf(source: string, atom: Atom, words: ReadonlySet<string>): boolean {
  if (words.has(atom.key)) return true
  if (words.has('#number') && (/^\p{N}+$/u.test(atom.key) || NUMBER_WORDS.has(atom.key))) return true
  if (words.has('#ing') && atom.key.length > 5 && atom.key.endsWith('ing') && /^\p{Ll}/u.test(source.slice(atom.start, atom.end))) return true
  return words.has('#capitalized') && !atom.sentenceStart && isCapitalAt(source, atom.start)
}

/** A currency sign or an opening quote between words: "worth $5 billion" still has "5" next. */
const TRANSPARENT = /^[\s\u00A0]*[$€£¥"'\u201C\u2018]+$/u

/** Whether the context may be read across the joint of `atom` (not across a sentence or a clause). */
function crosses(source: string, atoms: readonly Atom[], index: number): boolean {
  const atom = atoms[index]
  if (!atom || atom.joint === 'break') return false
  if (atom.joint !== 'punctuation') return true
  return TRANSPARENT.test(source.slice(atoms[index - 1]!.end, atom.start))
}

/** Whether one of `words` stands within `reach` words after (or before) the match. */
function near(source: string, atoms: readonly Atom[], match: PhraseMatch<unknown>, words: ReadonlySet<string>, direction: 1 | -1, reach = CONTEXT_WORDS): boolean {
  let index = direction === 1 ? match.last : match.first
  for (let step = 0; step < reach; step++) {
    if (!crosses(source, atoms, direction === 1 ? index + 1 : index)) return false
    index += direction
    const atom = atoms[index]
    if (!atom) return false
    if (isOneOf(source, atom, words)) return true
  }
  return false
}

/** The words of a text, built once per text and only when an entry asks for a topic. */
const textWords = new WeakMap<readonly Atom[], ReadonlySet<string>>()
function wordsOf(atoms: readonly Atom[]): ReadonlySet<string> {
  let words = textWords.get(atoms)
  if (!words) {
    words = new Set(atoms.map((atom) => atom.key))
    textWords.set(atoms, words)
  }
  return words
}

function onTopic(atoms: readonly Atom[], topic: ReadonlySet<string>): boolean {
  const words = wordsOf(atoms)
  for (const word of topic) if (words.has(word)) return true
  return false
}

/** `{#}` of each replacement filled with the numbers the match found, in order. */
function withNumbers(replacements: string[], numbers: string[] | undefined): string[] {
  if (!numbers) return replacements
  return replacements.map((replacement) => {
    let index = 0
    return replacement.replace(/\{#\}/g, () => numbers[Math.min(index++, numbers.length - 1)] ?? '')
  })
}

const hasUpper = (text: string) => /\p{Lu}/u.test(text)

/**
 * Give the replacement the case of what it replaces: a proper form (with
 * capitals of its own) is kept as written but for a sentence-initial capital;
 * a lower-case form takes a sentence-initial capital, or all capitals when
 * the match is written in capitals.
 */
export function adaptCase(replacement: string, matched: string, sentenceStart: boolean): string {
  const capitalize = (text: string) => text.replace(/\p{Ll}/u, (letter) => letter.toUpperCase())
  if (hasUpper(replacement)) {
    return sentenceStart && /^\P{L}*\p{Ll}/u.test(replacement) ? capitalize(replacement) : replacement
  }
  const letters = matched.replace(/\P{L}/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase()
  if (sentenceStart && /^\P{L}*\p{Lu}/u.test(matched)) return capitalize(replacement)
  return replacement
}

const quote = (text: string) => `\`${text}\``

const ARTICLE = /^(?:the|a|an)\s+/i
/** Headlines are short; a longer line is a paragraph. */
const HEADLINE_WORDS = 20

/**
 * Whether `offset` lies in a headline: a short line without a closing full
 * stop (or other sentence end) that is the text's first line with more text
 * below it, or a line in title case. Headlines drop articles.
 */
export function inHeadline(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1
  let lineEnd = source.indexOf('\n', offset)
  if (lineEnd === -1) lineEnd = source.length
  const line = source.slice(lineStart, lineEnd).trim()
  if (line.length === 0 || /[.!?:;,…"”']$/.test(line)) return false
  const words = line.split(/\s+/)
  if (words.length > HEADLINE_WORDS) return false
  const first = source.slice(0, lineStart).trim().length === 0
  if (first) return source.slice(lineEnd).trim().length > 0
  const long = words.filter((word) => /^\p{L}{4,}/u.test(word))
  return long.length >= 2 && long.every((word) => /^\p{Lu}/u.test(word))
}

function phraseFinding(rule: PhraseRule, replacements: string[], source: string, atoms: readonly Atom[], match: PhraseMatch<unknown>): Finding {
  const actual = source.slice(match.start, match.end)
  const sentenceStart = atoms[match.first]!.sentenceStart
  // A headline drops the article its replacement would bring (`President of the Republic visits` → `President visits`).
  const fitted = !ARTICLE.test(actual) && inHeadline(source, match.start) ? replacements.map((replacement) => replacement.replace(ARTICLE, '') || replacement) : replacements
  const expected = [...new Set(fitted.map((replacement) => adaptCase(replacement, actual, sentenceStart)))]
  const reason =
    expected.length === 0
      ? `Unexpected ${quote(actual)}`
      : rule.kind === 'existence'
        ? `Unexpected ${quote(actual)}, perhaps ${expected.map(quote).join(' or ')}`
        : `Unexpected ${quote(actual)}, expected ${expected.map(quote).join(' or ')}`
  const finding: Finding = {ruleId: rule.id, reason, start: match.start, end: match.end, actual, severity: rule.severity, note: rule.note}
  if (expected.length > 0) finding.expected = expected
  if (rule.link) finding.url = rule.link
  if (rule.autoFix && expected.length === 1) finding.fix = {start: match.start, end: match.end, text: expected[0]!}
  return finding
}

/**
 * Find the packs' phrases in `atoms` (cut from `source`). The longest phrase
 * at a start wins; matches already in the expected form, inside an accepted
 * form, in an excluded context or turned off are left alone.
 */
export function findPhrases(rules: RuleSet, source: string, atoms: readonly Atom[], isOff: IsOff): Finding[] {
  const groups = [...rules.phrases.candidates(source, atoms)]
  const guards: Array<[number, number]> = []
  for (const group of groups) {
    for (const match of group) {
      const value = match.value
      if (value.kind === 'guard' && surfaceKey(source.slice(match.start, match.end), value.caseSensitive) === value.surface) {
        guards.push([match.start, match.end])
      }
    }
  }
  // A correct form around (or across) a match protects it; one inside it does not.
  const guarded = (match: PhraseMatch<PhraseValue>) =>
    guards.some(([start, end]) => start < match.end && match.start < end && (start < match.start || end > match.end || (start === match.start && end === match.end)))

  const accept = (match: PhraseMatch<PhraseValue>): boolean => {
    const value = match.value
    if (value.kind !== 'rule') return false
    const {rule, replacements} = value
    if (isOff(rule.id)) return false
    if (rule.unlessNext && near(source, atoms, match, rule.unlessNext, 1)) return false
    if (rule.unlessPrevious && near(source, atoms, match, rule.unlessPrevious, -1)) return false
    if (rule.whenNext && !near(source, atoms, match, rule.whenNext, 1, 1)) return false
    if (rule.whenPrevious && !near(source, atoms, match, rule.whenPrevious, -1, 1)) return false
    if (rule.whenTopic && !onTopic(atoms, rule.whenTopic)) return false
    const actual = surfaceKey(source.slice(match.start, match.end), rule.caseSensitive)
    if (withNumbers(replacements, match.numbers).some((replacement) => surfaceKey(replacement, rule.caseSensitive) === actual)) return false
    return !guarded(match)
  }

  return selectMatches(groups, accept).map((match) => {
    const value = match.value as Extract<PhraseValue, {kind: 'rule'}>
    return phraseFinding(value.rule, withNumbers(value.replacements, match.numbers), source, atoms, match)
  })
}

type GarbleTerms = RuleSet['garbles'] extends Map<string, infer T> ? T : never

const garbleFinders = new WeakMap<RuleSet['garbles'], (word: string) => GarbleTerms | undefined>()

/**
 * The terms a word may be a garble of, by the rule set's garble keys:
 * decided by the word alone, so cached per word type for each rule set
 * (an editor re-checks the same words again and again).
 */
function garbleTermsOf(garbles: RuleSet['garbles']): (word: string) => GarbleTerms | undefined {
  let finder = garbleFinders.get(garbles)
  if (finder) return finder
  const termsOf = (letters: string) => garbleKeys(letters)
    .map((key) => garbles.get(key))
    .find((found) => found !== undefined)
  finder = perWordType((word: string) => {
    if (!/^\p{L}+$/u.test(word)) return undefined
    // Only when the word as written matches no term: an Arabic proclitic spelled into it (`Blobenavir`).
    const bare = withoutProclitic(word)
    const plain = termsOf(word)
    const read = plain ? word : bare
    // Terms that share a key are told apart by how they begin (`tosilizomap`: tocilizumab, not atezolizumab).
    return (plain ?? (bare ? termsOf(bare) : undefined))?.filter((term) => sameOnset(read, term.replacement))
  })
  garbleFinders.set(garbles, finder)
  return finder
}

const ASCII_LETTERS = /^[a-z]+$/

const garbleFilters = new WeakMap<RuleSet['garbles'], (key: string) => boolean>()

/**
 * Whether a word whose atom key is `key` may be a garble of exactly one
 * term: false only for a key of ASCII letters whose own terms are not one,
 * since for such a word the terms depend on its letters alone, not their
 * case (see {@link garbleTermsOf}). Read per atom before the word is sliced
 * out of the text, which most words then never are.
 */
function garbleFilterOf(garbles: RuleSet['garbles']): (key: string) => boolean {
  let filter = garbleFilters.get(garbles)
  if (filter) return filter
  const termsOf = garbleTermsOf(garbles)
  filter = perWordType((key: string) => !ASCII_LETTERS.test(key) || termsOf(key)?.length === 1)
  garbleFilters.set(garbles, filter)
  return filter
}

/**
 * Whether `start`..`end` overlaps one of `ranges`. A function of its own, not
 * a closure in the loop that asks it: a closure over the loop's variables
 * makes V8 allocate a context for every turn of the loop, taken or not.
 */
function overlapsAny(ranges: ReadonlyArray<{start: number; end: number}>, start: number, end: number): boolean {
  for (const range of ranges) if (range.start < end && start < range.end) return true
  return false
}

/**
 * Unlisted garbles of `fuzzy` entries' terms: a whole word that no
 * dictionary knows (`isWord`) and whose garble key is that of exactly one
 * term (`Remdecifer` for remdesivir), or would be without an Arabic
 * proclitic (`Blobenavir`: bi- + lopinavir). Words inside `taken` ranges (already
 * reported by a phrase) are left alone.
 */
export function findGarbles(
  rules: RuleSet,
  source: string,
  atoms: readonly Atom[],
  isOff: IsOff,
  isWord: (word: string) => boolean,
  taken: ReadonlyArray<{start: number; end: number}> = []
): Finding[] {
  if (rules.garbles.size === 0) return []
  const findings: Finding[] = []
  const mayBeGarble = garbleFilterOf(rules.garbles)
  for (let index = 0; index < atoms.length; index++) {
    const atom = atoms[index]!
    // Whole words only: not a part of "Covid19" or of a longer token.
    if (atom.joint === 'joined' || atoms[index + 1]?.joint === 'joined' || atom.end - atom.start < 6 || !mayBeGarble(atom.key)) continue
    const word = atom.text
    const terms = garbleTermsOf(rules.garbles)(word)
    if (!terms || terms.length !== 1) continue
    const {rule, replacement} = terms[0]!
    if (isOff(rule.id) || word.toLowerCase() === replacement.toLowerCase()) continue
    if (overlapsAny(taken, atom.start, atom.end)) continue
    // A word the dictionary knows is a word, not a garble.
    if (isWord(word)) continue
    findings.push(phraseFinding(rule, [replacement], source, atoms, {value: undefined, start: atom.start, end: atom.end, first: index, last: index}))
  }
  return findings
}

/** A line of the text, with its offsets. */
interface Line {
  /** Offset after the last character that is not white space. */
  contentEnd: number
  /** Offset of the first character that is not white space. */
  contentStart: number
  text: string
  /** Whether markup (masked) stands on its line: it is deleted alone, without the line breaks, so the tags stay. */
  inMarkup: boolean
}

// White space, invisible marks and masked markup around a line's text.
const LEADING = /^[\s\u00A0\uFEFF\u200B-\u200F\u202A-\u202E\u2066-\u2069\uE000]*/
/** One character of what {@link LEADING} reads (every one in the Basic Multilingual Plane). */
const BLANK = /[\s\u00A0\uFEFF\u200B-\u200F\u202A-\u202E\u2066-\u2069\uE000]/

/**
 * Length of the run of {@link BLANK} characters ending `line`, read from its
 * end: an expression anchored at the end only would try every position of
 * the line, which on 1 MB of text was half of what finding its lines cost.
 */
function trailingBlanks(line: string): number {
  let at = line.length
  while (at > 0) {
    const code = line.charCodeAt(at - 1)
    if (code < 128 ? code !== 32 && (code < 9 || code > 13) : !BLANK.test(line[at - 1]!)) break
    at--
  }
  return line.length - at
}

/** How much of the text is read at a time to find its lines (more when one line is longer). */
const LINES_BLOCK = 1 << 18

/** Offsets, growing as they are added, four bytes each. */
class Offsets {
  private values = new Uint32Array(1024)
  length = 0
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }
  at(index: number): number {
    return this.values[index]!
  }
}

/**
 * The lines of a text that hold something other than white space, by
 * offsets only (a long text has hundreds of thousands: an object and a
 * string each would cost more than the text); {@link line} builds one.
 * In Markdown and HTML, markup at either end of a line (`<p>`, `</p>`) is
 * not part of it, so a paragraph that starts with a tag is read as a line too.
 */
class ContentLines {
  private readonly starts = new Offsets()
  private readonly ends = new Offsets()
  /** Indices of lines with markup on them. */
  private readonly markup = new Set<number>()

  /**
   * Read `source` block by block; `visit` sees each line with its text
   * (only lines up to `visitLength` long, which saves slicing the rest).
   */
  constructor(
    private readonly source: TextSlices,
    visitLength: number,
    visit: (index: number, text: string) => void
  ) {
    let blockStart = 0
    while (blockStart < source.length) {
      let block = source.slice(blockStart, blockStart + LINES_BLOCK)
      // A block ends after a line break (or at the end of the text), so no line is cut.
      let blockEnd = blockStart + block.lastIndexOf('\n') + 1
      for (let reach = LINES_BLOCK * 2; blockEnd === blockStart && blockStart + block.length < source.length; reach *= 2) {
        block = source.slice(blockStart, blockStart + reach)
        blockEnd = blockStart + block.lastIndexOf('\n') + 1
      }
      if (blockEnd === blockStart || blockStart + block.length === source.length) blockEnd = blockStart + block.length
      let start = blockStart
      for (const raw of block.slice(0, blockEnd - blockStart).split('\n')) {
        const lead = LEADING.exec(raw)![0].length
        if (lead < raw.length) {
          const trail = trailingBlanks(raw)
          const index = this.count
          this.starts.push(start + lead)
          this.ends.push(start + raw.length - trail)
          if (raw.includes(MASK)) this.markup.add(index)
          if (raw.length - lead - trail <= visitLength) visit(index, raw.slice(lead, raw.length - trail))
        }
        start += raw.length + 1
      }
      blockStart = blockEnd
    }
  }

  get count(): number {
    return this.starts.length
  }

  line(index: number): Line {
    const contentStart = this.starts.at(index)
    const contentEnd = this.ends.at(index)
    return {contentStart, contentEnd, text: this.source.slice(contentStart, contentEnd), inMarkup: this.markup.has(index)}
  }
}

function artifactFinding(rule: ArtifactRule, source: TextSlices, start: number, end: number): Finding {
  const shown = source.slice(start, end).trim()
  const finding: Finding = {
    ruleId: rule.id,
    reason: `Unexpected ${quote(shown)}: boilerplate, not part of the article`,
    start,
    end,
    actual: source.slice(start, end),
    expected: [''],
    severity: rule.severity,
    note: rule.note
  }
  if (rule.link) finding.url = rule.link
  if (rule.autoFix) finding.fix = {start, end, text: ''}
  return finding
}

/** How many lines at the top may be boilerplate above or below the headline. */
const HEAD_LINES = 6
/** A line with this many words is a paragraph of the article: the head ends before it. */
const PARAGRAPH_WORDS = 25

/** Boilerplate is short: a longer line is article text, and is not tried. */
const LONGEST_BOILERPLATE = 400

/** Whether `rule` may match in `text`: it is short enough and holds one of the strings the rule needs. */
function mayMatch(needs: NeedsIndex, rule: ArtifactRule, text: string): boolean {
  // Without reading `patterns`, which a rule set read back compiles on first use.
  return text.length <= LONGEST_BOILERPLATE && needs.holdsNeed(rule, text)
}

/** How much of the first paragraph a run-in dateline may take. */
const RUN_IN_LENGTH = 160

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length

/**
 * Find boilerplate lines and trailers by their shape and their place in the
 * article: above the headline, between the headline and the body, run into
 * the first paragraph, between paragraphs, and in the block after the last
 * paragraph. A removed line takes the line breaks that separated it from the
 * text with it, so paragraphs stay as they were.
 */
export function findArtifacts(rules: RuleSet, text: string | TextSlices, isOff: IsOff): Finding[] {
  const source = typeof text === 'string' ? stringSlices(text) : text
  const findings: Finding[] = []
  const needs = needsIndexOf(rules.artifacts)
  const wide = source.wide
  const matches = (rule: ArtifactRule, text: string) => mayMatch(needs, rule, text) && rule.patterns.some((pattern) => eager(pattern, wide).test(text))
  const firstMatch = (candidates: ArtifactRule[], text: string) => candidates.find((rule) => matches(rule, text))
  const usable = rules.artifacts.filter((rule) => !isOff(rule.id))
  // On a line of its own anywhere: tried on each line as the lines are read.
  const anywhereRules = usable.filter((rule) => rule.scope === 'line')
  const onTheirOwn: Array<[number, ArtifactRule]> = []
  const lines = new ContentLines(source, anywhereRules.length > 0 ? LONGEST_BOILERPLATE : -1, (index, text) => {
    const rule = firstMatch(anywhereRules, text)
    if (rule) onTheirOwn.push([index, rule])
  })
  const count = lines.count
  if (count === 0) return []
  // Deleting the only line would delete the article.
  const wholeLines = count > 1
  const active = usable.filter((rule) => rule.scope === 'trailing' || wholeLines)
  const ofScope = (...scopes: string[]) => active.filter((rule) => scopes.includes(rule.scope))
  const removed = new Map<number, ArtifactRule>()
  const remove = (index: number, rule: ArtifactRule) => {
    // The article keeps at least one line.
    if (!removed.has(index) && removed.size < count - 1) removed.set(index, rule)
  }
  const textOf = (index: number) => lines.line(index).text

  // Above the headline: the lines at the top, as long as each is boilerplate.
  const top = ofScope('first-line')
  let headline = 0
  while (headline < Math.min(count - 1, 3)) {
    const rule = firstMatch(top, textOf(headline))
    if (!rule) break
    remove(headline, rule)
    headline++
  }
  // Between the headline and the first paragraph.
  const head = ofScope('head')
  let body = headline + 1
  while (body < Math.min(count - 1, HEAD_LINES)) {
    const text = textOf(body)
    if (wordCount(text) >= PARAGRAPH_WORDS) break
    const rule = firstMatch(head, text)
    if (rule) remove(body, rule)
    body++
  }
  // After the last paragraph: the block of lines at the end, as long as each is boilerplate.
  const tail = ofScope('tail', 'last-line')
  const anywhere = ofScope('line')
  for (let index = count - 1; index > headline; index--) {
    const text = textOf(index)
    const rule = firstMatch(tail, text) ?? firstMatch(anywhere, text)
    if (!rule) break
    remove(index, rule)
  }
  if (wholeLines) for (const [index, rule] of onTheirOwn) remove(index, rule)

  // The lines from the top up to this one are all removed.
  let firstKept = 0
  while (removed.has(firstKept)) firstKept++
  for (const [index, rule] of [...removed].sort((a, b) => a[0] - b[0])) {
    const line = lines.line(index)
    if (line.inMarkup) {
      findings.push(artifactFinding(rule, source, line.contentStart, line.contentEnd))
    } else if (index < firstKept) {
      // At the top: the line and the breaks after it, up to markup (a comment line, a tag) if any comes first.
      const next = lines.line(index + 1)
      const markup = next.inMarkup ? 0 : source.slice(line.contentEnd, next.contentStart).indexOf(MASK)
      findings.push(artifactFinding(rule, source, line.contentStart, markup === -1 ? next.contentStart : line.contentEnd + markup))
    } else {
      // The breaks before the line, from the end of what comes before: the previous line's text,
      // or markup (a URL, code, a closing tag) after it, which is never deleted.
      const previousEnd = lines.line(index - 1).contentEnd
      const markupEnd = source.slice(previousEnd, line.contentStart).lastIndexOf(MASK) + 1
      findings.push(artifactFinding(rule, source, previousEnd + markupEnd, line.contentEnd))
    }
  }

  // Run into the first paragraph: a dateline and credit before its first word.
  const runIn = ofScope('run-in')
  if (runIn.length > 0) {
    for (let index = 0; index < Math.min(count, HEAD_LINES + 1); index++) {
      if (removed.has(index)) continue
      const line = lines.line(index)
      // A dateline is short: only the start of the paragraph is looked at.
      const opening = line.text.slice(0, RUN_IN_LENGTH)
      let found: {rule: ArtifactRule; length: number} | undefined
      for (const rule of runIn) {
        if (!mayMatch(needs, rule, opening)) continue
        const match = rule.patterns.map((pattern) => eager(pattern, wide).exec(opening)).find((m) => m !== null)
        if (match) {
          found = {rule, length: match[0].length}
          break
        }
      }
      if (found) {
        findings.push(artifactFinding(found.rule, source, line.contentStart, line.contentStart + found.length))
        break
      }
    }
  }

  // After the last sentence of the last line that stays.
  let lastKept = count - 1
  while (removed.has(lastKept)) lastKept--
  const trailing = ofScope('trailing')
  const last = trailing.length > 0 ? lines.line(lastKept) : undefined
  for (const rule of trailing) {
    if (!last) break
    for (const pattern of rule.patterns) {
      const found = eager(pattern, wide).exec(last.text)
      if (found) {
        const start = last.contentStart + found.index
        findings.push(artifactFinding(rule, source, start, start + found[1]!.length))
        break
      }
    }
  }
  return findings
}
