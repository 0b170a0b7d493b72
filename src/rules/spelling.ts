import {defineRule} from './meta.js'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {claimedRanges, report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import {candidatesFor, candidatesFrom, certainCandidate, COMMON_COUNT, isSoleSlip, mergeCandidates, MISSPELLING_COST, nameCandidatesAmong, type Candidate} from '../spelling/candidates.js'
import {lowerCaseFrequency} from '../spelling/frequency.js'
import {listedMisspelling, type ListedContext} from '../spelling/listed-misspelling.js'
import {fitsArticle} from '../spelling/name-context.js'
import {identityOf, isCompoundPrefix, spellerFor, type Speller} from '../spelling/speller.js'
import {americanForms} from '../spelling/variants.js'
import type {DictionaryOption} from '../spelling/word-forms.js'
import {hasCapital, isAllCaps, linkRanges, opensSentence, relativePartsOf, type WordPart} from '../spelling/words.js'
import type {RuleSet} from '../packs/compile.js'
import {gazetteerWords} from '../names/gazetteer.js'
import {nameKey} from '../names/key.js'
import {isOffFor, rulesOf, type RuleOptions} from './options.js'
import {perWordType} from '../engine/word-cache.js'

/** The spelling rules. */
export const SPELLING_RULES = {
  misspelling: defineRule({
    id: 'spelling.misspelling',
    description: 'A lower-case word no dictionary knows; fixed only when one common word is the clear candidate, or when the list of common English misspellings gives one correction (`recieved`; also `Britian`, and `Teh` opening a sentence).',
    fixable: true,
    severity: 'warning'
  }),
  unknownWord: defineRule({
    id: 'spelling.unknown-word',
    description: 'A word no dictionary knows and that has no close candidate.',
    fixable: false,
    severity: 'info'
  }),
  unknownName: defineRule({
    id: 'spelling.unknown-name',
    description: 'A capitalised word no dictionary knows: usually a name; reported once per file for review.',
    fixable: false,
    severity: 'info'
  }),
  variety: defineRule({
    id: 'spelling.variety',
    description: 'A spelling of the other variety of English than the chosen dictionary (`color` under en-GB); a suggestion.',
    fixable: false,
    severity: 'warning'
  }),
  overflow: defineRule({
    id: 'spelling.overflow',
    description: 'Spelling suggestions were capped for this file; later unknown words have none.',
    fixable: false,
    severity: 'info'
  })
} as const


/** Options of {@link retextPosteditSpelling}. */
export interface SpellingOptions extends RuleOptions {
  /** Words to accept as spelled right (names, house terms); plurals in `-s` are accepted too. Default: none. */
  words?: string[]
  /**
   * Most distinct unknown words per file that get suggestions (default: 400).
   * Past it, unknown words are still reported, without suggestions, and one
   * `spelling.overflow` message says so.
   */
  max?: number
  /**
   * Report every unknown word and name (default: `false`: only those close
   * to a known word or name, which are the likely slips; an unknown name
   * close to nothing is usually a name spelled right).
   */
  allUnknown?: boolean
  /** Gazetteers whose names are spelled right (see the names rule; default: the shipped one). */
  names?: string[]
  /**
   * The dictionary: `'en'` (default: American spelling, British forms
   * accepted too, suggestions American), `'en-US'` or `'en-GB'` (that variety
   * only: the other is flagged), or a Hunspell dictionary as retext-spell
   * takes it (`import dictionaryEnGb from 'dictionary-en-gb'`).
   */
  dictionary?: DictionaryOption
  /** As in retext-spell: more words to accept, one a line (or a list). Default: none. */
  personal?: string | string[]
  /** As in retext-spell: words never reported. Default: none. */
  ignore?: string[]
}

/** The user's words from `words`, retext-spell's `personal` and `ignore`. */
function userWords(options: SpellingOptions | undefined): string[] {
  const personal = options?.personal
  const fromPersonal = typeof personal === 'string' ? personal.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('*')) : (personal ?? [])
  return [...(options?.words ?? []), ...fromPersonal, ...(options?.ignore ?? [])]
}

/** The speller for a processor: built once per dictionary, packs, gazetteer and word list, then shared. */
function spellerOf(options: SpellingOptions | undefined, rules: RuleSet): Speller {
  const dictionary = options?.dictionary ?? 'en'
  const words = userWords(options)
  const key = JSON.stringify([typeof dictionary === 'string' ? dictionary : identityOf(dictionary), identityOf(rules), options?.names ?? ['default'], words])
  return spellerFor(key, () => ({dictionary, words, personal: [...rules.vocabulary, ...gazetteerWords(options?.names)]}))
}

const DEFAULT_MAX = 400
/** `#hashtag` and `@handle`: names of things, not words. */
const HASH = 0x23
const AT = 0x40
const MAX_EXPECTED = 3
/** A word seen this often in SUBTLEXus is a real word the dictionary lacks, not a slip. */
const ATTESTED_COUNT = 20
/** Names are offered for a name only this close (`Karbalaa` → Karbala). */
const NAME_COST = 0.8
/** Shorter names have too many neighbours to suggest one. */
const MIN_NAME_LENGTH = 4
/** An unknown lower-case word is reported only this close to a dictionary word… */
const UNKNOWN_COST = 0.7
/** …and, when that word is unseen in SUBTLEXus, this close (`mamograms`: mammograms). */
const CLOSE_COST = 0.5
/** How much nearer a suggestion counts when the article uses it elsewhere (order of suggestions only, never fixes). */
const ARTICLE_BONUS = 0.3
/** Suggestions are kept only this close to the best one. */
const SUGGESTION_SPREAD = 0.6

const quoteList = (words: readonly string[]) =>
  words.length <= 1 ? `\`${words[0]}\`` : `${words.slice(0, -1).map((word) => `\`${word}\``).join(', ')} or \`${words.at(-1)}\``

/** Suggestions worth showing: the best and those nearly as good, at most three. */
function shown(ranked: readonly Candidate[]): Candidate[] {
  const best = ranked[0]
  if (!best) return []
  return ranked.filter((candidate) => candidate.cost <= best.cost + SUGGESTION_SPREAD).slice(0, MAX_EXPECTED)
}

const withCapital = (word: string) => word[0]!.toUpperCase() + word.slice(1)

/** Function words of languages English quotes (French, German, Spanish, Italian): their neighbours are not English. */
const FOREIGN_FUNCTION_WORDS = new Set(['le', 'la', 'les', 'du', 'des', 'il', 'elle', 'et', 'une', 'und', 'der', 'die', 'das', 'mit', 'von', 'ohne', 'el', 'los', 'las', 'del', 'con', 'por', 'para', 'di', 'che', 'nel', 'della'])

/** `hander` (right-hander), `nighters`, `snouted`: a known word with a noun- or adjective-making ending. */
function isSuffixedKnown(word: string, knows: (stem: string) => boolean): boolean {
  for (const ending of ['ers', 'er', 'ed']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3 && knows(word.slice(0, -ending.length))) return true
  }
  return false
}

/** A part of a compound with a name (`Byeong-seug`) or a code in capitals (`cryo-EM`): not an English word to check. */
function inNameOrCodeCompound(parts: readonly WordPart[], position: number): boolean {
  if (hasCapital(parts[position]!.value)) return false
  return parts.some((other, index) => index !== position && (isAllCaps(other.value) || (index < position && hasCapital(other.value))))
}


const NAME_SHAPE = /^\p{Lu}\p{Ll}{2,}/u
const isAsciiLower = (code: number) => code >= 97 && code <= 122
/** A capital and two lower-case letters or more (`Kowalczyk`): {@link NAME_SHAPE}, ASCII without the expression. */
function isNameShaped(word: string): boolean {
  const first = word.charCodeAt(0)
  if (first < 128) {
    if (first < 65 || first > 90) return false
    const second = word.charCodeAt(1)
    const third = word.charCodeAt(2)
    if (isAsciiLower(second) && isAsciiLower(third)) return true
    if ((second < 128 && !isAsciiLower(second)) || (third < 128 && !isAsciiLower(third))) return false
  }
  return NAME_SHAPE.test(word)
}

const clearWords = new WeakMap<Speller, (value: string) => boolean>()

/**
 * Whether the word node `value` leaves spelling nothing to look at with
 * `lexicon`: no part to check, a compound known written solid, or every part
 * short, in capitals or known. What the rule's loop decides first for each
 * part, per word type: most words of a text are known and met again and again.
 */
function clearWordsOf(lexicon: Speller): (value: string) => boolean {
  let clear = clearWords.get(lexicon)
  if (clear) return clear
  clear = perWordType((value: string): boolean => {
    const parts = relativePartsOf(value)
    if (parts.length === 0) return true
    if (parts.length > 1) {
      const whole = value.slice(parts[0]!.start, parts.at(-1)!.end).replace(/\u2019/g, "'")
      if (lexicon.knows(whole) || lexicon.knows(whole.replace(/[-\u2010\u2011]/g, ''))) return true
    }
    return parts.every((part) => part.value.length < 3 || isAllCaps(part.value) || lexicon.knows(part.value))
  })
  clearWords.set(lexicon, clear)
  return clear
}

/** A test of whether a word overlaps any of `ranges`, for words visited in text order. */
function overlapTest(ranges: Array<[number, number]>): (start: number, end: number) => boolean {
  ranges.sort((a, b) => a[0] - b[0])
  let head = 0
  return (start, end) => {
    while (head < ranges.length && ranges[head]![1] <= start && ranges[head]![0] < start) head++
    for (let index = head; index < ranges.length && ranges[index]![0] < end; index++) {
      if (ranges[index]![1] > start) return true
    }
    return false
  }
}

/**
 * Report words `dictionary-en` (with British spellings, the rule packs'
 * vocabulary and the user's `words`) does not know.
 *
 * - `spelling.misspelling` (warning): a lower-case word one slip from a
 *   common word, with up to three suggestions; fixed only when one common
 *   word is clearly the closest (`goverment` → `government`), or when the
 *   list of common English misspellings (`@cspell/dict-en-common-misspellings`)
 *   gives the word one correction (`recieved` → `received`); with several,
 *   they are offered. A capitalised word only when the list has it
 *   capitalised (`Britian`) or it opens a sentence outside a name (`Teh`).
 * - `spelling.unknown-word` (info): a lower-case word close to no common word
 *   (technical terms, loans) but to a rarer one: worth a look, not a likely error.
 * - `spelling.unknown-name` (info): a capitalised unknown word close to a
 *   known name (`Asad`: `Assad`?), once per file with its number of
 *   occurrences; never fixed. With `allUnknown`, every unknown word and name.
 * - `spelling.variety` (warning): under an explicit `en-US` or `en-GB`
 *   dictionary, a word of the other variety (`color` under en-GB), with
 *   this variety's form; never fixed.
 * - `spelling.overflow` (info): suggestions stopped at `max` unknown words.
 */
export default function retextPosteditSpelling(options?: SpellingOptions) {
  const rules = rulesOf(options)
  const isOff = isOffFor(options?.disable)
  const max = options?.max ?? DEFAULT_MAX
  const allUnknown = options?.allUnknown ?? false
  return (tree: Root, file: VFile): void => {
    if (isOff('spelling')) return
    const lexicon = spellerOf(options, rules)
    const index = textIndex(tree, String(file.value))
    const source = index.source
    const skipped = overlapTest([...linkRanges(source), ...claimedRanges(file, 'spelling.')])
    // The pieces of one long text share the suggestion budget and report each name once.
    const pieces = file.data.posteditPieces
    const suggested = pieces?.suggested ?? new Set<string>()
    let overflowAt: number | undefined
    /** Candidates for `word`, unless the per-file budget is spent. */
    const withinBudget = (word: string, at: number): boolean => {
      if (!suggested.has(word)) {
        if (suggested.size >= max) {
          overflowAt ??= at
          return false
        }
        suggested.add(word)
      }
      return true
    }
    const suggest = (word: string, at: number): Candidate[] | undefined =>
      withinBudget(word, at) ? mergeCandidates(candidatesFor(lexicon, word), candidatesFrom(word, lexicon.userWords)) : undefined
    const names = new Map<string, WordPart[]>()

    /** Lower-case words of the article: a candidate the article itself uses is the likelier one. */
    let articleWords: Set<string> | undefined
    const byArticle = (ranked: readonly Candidate[]): Candidate[] => {
      if (!articleWords) {
        // Lower-cased per word type, not per word: a text repeats its words. A
        // word's string is hashed once, for this set and the loop's lookups alike.
        const types = new Set<string>()
        for (const word of index.words) types.add(word.value)
        articleWords = new Set()
        for (const type of types) articleWords.add(type.toLowerCase())
      }
      const used = articleWords
      return ranked
        .map((candidate) => (used.has(candidate.word.toLowerCase()) ? {...candidate, score: candidate.score - ARTICLE_BONUS, cost: Math.max(0, candidate.cost - ARTICLE_BONUS)} : candidate))
        .sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : 1))
    }

    const misspelling = (part: WordPart, ranked: Candidate[]) => {
      const expected = shown(byArticle(ranked)).map((candidate) => candidate.word)
      const certain = certainCandidate(lexicon, part.value, ranked)
      if (isOff(SPELLING_RULES.misspelling.id)) return
      report(file, {
        ruleId: SPELLING_RULES.misspelling.id,
        reason: `Unexpected \`${part.value}\`, expected ${quoteList(expected)}`,
        start: part.start,
        end: part.end,
        expected,
        ...(certain ? {fix: {start: part.start, end: part.end, text: certain.word}} : {}),
        note: certain
          ? `Misspelling: \`${certain.word}\` is the only common word this close.`
          : 'Probably a misspelling; more than one word is close, so pick the one meant.'
      })
    }

    const variety = (part: WordPart, other: string): void => {
      if (isOff(SPELLING_RULES.variety.id)) return
      const ranked = suggest(part.value, part.start) ?? []
      // The same word in this variety (`center` → `centre`) before mere neighbours (`canter`).
      const lower = part.value.toLowerCase()
      const counterpart = (word: string) => (other === 'en-US' ? americanForms(word.toLowerCase()).includes(lower) : americanForms(lower).includes(word.toLowerCase()))
      const same = [
        ...(other === 'en-GB' ? americanForms(lower).filter((form) => lexicon.inDictionary(form)) : []),
        ...ranked.filter((candidate) => counterpart(candidate.word)).map((candidate) => candidate.word)
      ]
      const plain = shown(ranked).filter((candidate) => !hasCapital(candidate.word) || hasCapital(part.value)).map((candidate) => candidate.word)
      const expected = [...new Set(same.length > 0 ? same : plain)].slice(0, MAX_EXPECTED)
      report(file, {
        ruleId: SPELLING_RULES.variety.id,
        reason: `Unexpected \`${part.value}\` (${other} spelling)${expected.length > 0 ? `, expected ${quoteList(expected)}` : ''}`,
        start: part.start,
        end: part.end,
        ...(expected.length > 0 ? {expected} : {}),
        note: `Right in ${other}, but this text is checked against ${other === 'en-GB' ? 'en-US' : 'en-GB'} spelling.`
      })
    }

    /** A slip the list of common misspellings has (`recieved`, `Teh`): reported (and fixed when its correction is the only one); false when the list cannot decide it. */
    const listed = (part: WordPart, context: Pick<ListedContext, 'opensSentence' | 'isName'>): boolean => {
      // Within the per-file budget of words with suggestions, as every suggestion is.
      if (!suggested.has(part.value) && suggested.size >= max) return false
      // `goin'`, `nothin'`: speech written as spoken, not a slip (the fix would leave `going'`).
      if (/['\u2019]/.test(source[part.end] ?? '') && !/\p{L}/u.test(source[part.end + 1] ?? '')) return false
      const finding = listedMisspelling(part, {ruleId: SPELLING_RULES.misspelling.id, knows: (word) => lexicon.knows(word), dictionary: options?.dictionary, ...context})
      if (!finding) return false
      suggested.add(part.value)
      if (!isOff(SPELLING_RULES.misspelling.id)) report(file, finding)
      return true
    }
    const lowerCaseContext = {opensSentence: () => false, isName: () => false}

    const lowerCase = (part: WordPart) => {
      const other = lexicon.otherVarietyOf(part.value)
      if (other) return variety(part, other)
      if (listed(part, lowerCaseContext)) return
      const ranked = suggest(part.value, part.start)
      const best = ranked?.[0]
      const likely = ranked && best && best.cost <= MISSPELLING_COST && (best.count >= COMMON_COUNT || isSoleSlip(part.value, ranked))
      if (likely && lowerCaseFrequency(part.value) < ATTESTED_COUNT) return misspelling(part, ranked)
      if (isOff(SPELLING_RULES.unknownWord.id)) return
      // Worth a look only when a dictionary word is one slip away (`turbins`: turbines), not any
      // neighbour of a technical term (`cytokine`: cytosine?) or of a word nobody uses.
      const close = best !== undefined && best.cost <= UNKNOWN_COST && (best.count > 0 || best.cost <= CLOSE_COST)
      const expected = ranked && close ? shown(byArticle(ranked)).map((candidate) => candidate.word) : []
      if (expected.length === 0 && !allUnknown) return
      report(file, {
        ruleId: SPELLING_RULES.unknownWord.id,
        reason: `Unknown word \`${part.value}\`${expected.length > 0 ? `, perhaps ${quoteList(expected)}` : ''}`,
        start: part.start,
        end: part.end,
        severity: 'info',
        ...(expected.length > 0 ? {expected} : {}),
        note: 'Not in the dictionary and close to no common word: a technical term, a loanword, or a garble. Add it to your words if it is right.'
      })
    }

    const words = index.words
    /** A function word of another language right beside the word (only spaces between). */
    const isForeignNeighbour = (at: number, from: number, to: number): boolean => {
      const other = words[at]
      if (!other || from >= to || !/^[ \u00A0]+$/.test(source.slice(from, to))) return false
      return FOREIGN_FUNCTION_WORDS.has(other.value.toLowerCase())
    }
    /** The line around `offset` has no capital at all (chat, captions): case is not judged there. */
    const inLowerCaseLine = (offset: number): boolean => {
      const start = source.lastIndexOf('\n', offset) + 1
      const end = source.indexOf('\n', offset)
      const line = source.slice(start, end === -1 ? source.length : end)
      return line === line.toLowerCase()
    }

    /** The capitalised word at `at` is part of a name: the next word is capitalised too, or the article writes it capitalised mid-sentence. */
    const isNameAt = (at: number): boolean => {
      const {value, end} = words[at]!
      const next = words[at + 1]
      if (next && /^[ \u00A0]+$/.test(source.slice(end, next.start)) && hasCapital(next.value[0]!)) return true
      return words.some((other, index) => index !== at && other.value === value && !opensSentence(source, other.start))
    }

    /**
     * {@link listed} for a capitalised part of the word at `at`. Its closures are made here, not in
     * the loop below: a closure over the loop's variables makes V8 allocate a context for every
     * word the loop reads, whether the closure is made or not.
     */
    const listedCapitalised = (part: WordPart, at: number): boolean => listed(part, {opensSentence: () => opensSentence(source, part.start), isName: () => isNameAt(at)})
    const knowsStem = (stem: string) => lexicon.knows(stem)

    const clear = clearWordsOf(lexicon)
    for (let at = 0; at < words.length; at++) {
      const word = words[at]!
      const before = source.charCodeAt(word.start - 1)
      if (before === HASH || before === AT || skipped(word.start, word.end) || clear(word.value)) continue
      // Parts at offset 0, shared per word type: placed in the text only for the few words reported.
      const parts = relativePartsOf(word.value)
      if (parts.length === 0) continue
      const base = word.start
      const whole = parts.length > 1 && source.slice(base + parts[0]!.start, base + parts.at(-1)!.end).replace(/\u2019/g, "'")
      // `co-ordinated`: the compound is a word written solid (`coordinated`).
      if (whole && (lexicon.knows(whole) || lexicon.knows(whole.replace(/[-\u2010\u2011]/g, '')))) continue
      for (let position = 0; position < parts.length; position++) {
        const relative = parts[position]!
        const {value} = relative
        if (value.length < 3 || isAllCaps(value) || lexicon.knows(value)) continue
        const part: WordPart = {value, start: base + relative.start, end: base + relative.end, first: relative.first}
        if (parts.length > 1 && position < parts.length - 1 && isCompoundPrefix(value)) continue
        if (parts.length > 1 && inNameOrCodeCompound(parts, position)) continue
        if (!hasCapital(value)) {
          // `right-hander`, `all-nighters`, `long-snouted`: a known word made a compound's noun or adjective.
          if (position > 0 && isSuffixedKnown(value, knowsStem)) continue
          // `fka`, `pwp`: three lower-case letters are a code or an abbreviation, not a slip.
          if (value.length <= 3) continue
          // `i'll`, `mary` in a line written all in lower case.
          if (inLowerCaseLine(part.start) && lexicon.knows(withCapital(value))) continue
          // `Il faut bien le faire`, `Reporter ohne Grenzen`: a phrase in another language.
          if (FOREIGN_FUNCTION_WORDS.has(value) || isForeignNeighbour(at - 1, words[at - 1]?.end ?? 0, word.start) || isForeignNeighbour(at + 1, word.end, words[at + 1]?.start ?? 0)) continue
          lowerCase(part)
          continue
        }
        // `Britian`, or `Teh` opening a sentence: a listed slip, not a name.
        if (parts.length === 1 && listedCapitalised(part, at)) continue
        // A capitalised unknown word is a name, even opening a sentence: on
        // edited news, names there outnumber misspelt common words.
        const seen = names.get(value)
        if (seen) seen.push(part)
        else names.set(value, [part])
      }
    }
    /** Capitalised words of the article: a name spelled another way here is evidence of a garble (gathered when an unknown name asks). */
    let articleNameSet: Set<string> | undefined
    const articleNames = (): Set<string> => {
      if (!articleNameSet) {
        articleNameSet = new Set()
        for (const {value} of words) {
          if (!isNameShaped(value)) continue
          // Only a word ending in `s` can end in a possessive `'s`: the rest skip the expression.
          articleNameSet.add(value.charCodeAt(value.length - 1) === 115 ? value.replace(/['\u2019]s$/, '') : value)
        }
      }
      return articleNameSet
    }
    // Only a name with the same transliteration key can be the same name: grouping by key keeps this
    // linear in the article's length instead of comparing every unknown name with every name in it.
    let articleNamesByKey: Map<string, string[]> | undefined
    const articleNamesLike = (name: string): string[] => {
      if (!articleNamesByKey) {
        articleNamesByKey = new Map()
        for (const word of articleNames()) {
          const key = nameKey(word)
          const group = articleNamesByKey.get(key)
          if (group) group.push(word)
          else articleNamesByKey.set(key, [word])
        }
      }
      return articleNamesByKey.get(nameKey(name)) ?? []
    }

    if (!isOff(SPELLING_RULES.unknownName.id)) {
      for (const [name, parts] of names) {
        const first = parts[0]!
        const ranked =
          name[0] !== name[0]!.toLowerCase()
            ? withinBudget(name, first.start)
              ? // Kept below: names of the article with the same key, or postedit's own words. Only those
                // neighbours are looked for, not every neighbour in the dictionary.
                mergeCandidates(nameCandidatesAmong(lexicon, name, articleNamesLike(name)), candidatesFrom(name, lexicon.userWords))
              : undefined
            : suggest(name, first.start)
        // Only other names: `Amal` is not a slip for anal, nor `Tarek` for trek.
        // Only names the same in Arabic: a transliteration variant (Karbalaa: Karbala), not a
        // different name one letter away (Ghazi is not Ghazni).
        // Evidence of a garble, not just a neighbour: a name of the region postedit knows (packs,
        // gazetteer), or the same name spelled another way in this article.
        const near = [
          ...(ranked?.filter(
            (candidate) =>
              candidate.cost <= NAME_COST &&
              lexicon.isProperNoun(candidate.word) &&
              nameKey(candidate.word) === nameKey(name) &&
              (articleNames().has(candidate.word) || (lexicon.isPersonal(candidate.word) && fitsArticle(candidate.word, source, options?.names)))
          ) ?? []),
          // The same name spelled another way in this article (`Kowalczyk`, `Kowalczik`).
          ...candidatesFrom(name, articleNamesLike(name)).filter((candidate) => candidate.cost <= NAME_COST)
        ]
          // A name styled with other capitals (`AlQarni`, `Alqarni`) is the person's own styling, not a garble.
          .filter((candidate) => candidate.word.toLowerCase() !== name.toLowerCase())
          .sort((a, b) => a.score - b.score)
        let expected = name.length >= MIN_NAME_LENGTH ? shown(near).map((candidate) => candidate.word) : []
        // `Goverment officials said`: opening a sentence, a common word may be meant.
        const lower = name.toLowerCase()
        if (ranked && name === withCapital(lower) && opensSentence(source, first.start)) {
          const meant = certainCandidate(lexicon, lower, candidatesFor(lexicon, lower))
          if (meant) expected = [withCapital(meant.word), ...expected.filter((word) => word !== withCapital(meant.word))].slice(0, MAX_EXPECTED)
        }
        if (pieces?.names.has(name)) {
          pieces.names.set(name, pieces.names.get(name)! + parts.length)
          continue
        }
        if (expected.length === 0 && !allUnknown) continue
        pieces?.names.set(name, parts.length)
        report(file, {
          ruleId: SPELLING_RULES.unknownName.id,
          ...unknownNameWords(name, parts.length, expected),
          start: first.start,
          end: first.end,
          severity: 'info',
          ...(expected.length > 0 ? {expected} : {})
        })
      }
    }

    if (overflowAt !== undefined && !isOff(SPELLING_RULES.overflow.id) && !pieces?.overflowReported) {
      if (pieces) pieces.overflowReported = true
      report(file, {
        ruleId: SPELLING_RULES.overflow.id,
        reason: `Too many unknown words: suggestions stop after ${max}`,
        start: overflowAt,
        end: overflowAt,
        severity: 'info',
        note: 'Unknown words past this point are still reported, without suggestions.'
      })
    }
  }
}

/** Reason and note of a `spelling.unknown-name` message for a name seen `count` times. */
export function unknownNameWords(name: string, count: number, expected: readonly string[]): {reason: string; note: string} {
  const times = count === 1 ? 'once' : `${count} times`
  return {
    reason: `Unknown name \`${name}\` (${times} in this text)${expected.length > 0 ? `, perhaps ${quoteList(expected)}` : ''}`,
    note: `Check the spelling of this name once; it occurs ${times}. Add it to your words if it is right.`
  }
}
