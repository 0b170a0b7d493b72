import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {bundledFile} from '../infra/bundled-data.js'
import {holdForSnapshot} from '../infra/held.js'
import {WordSet} from '../infra/word-set.js'
import {perWordType} from '../engine/word-cache.js'
import {RULES_DIRECTORY} from '../infra/paths.js'
import type {Candidate} from './candidates.js'
import {knownNames} from './name-lists.js'
import {americanForms, withoutMarks} from './variants.js'
import {correctIn, loadWordForms, loadWordFormsBeyond, normalizeWord, type DictionaryOption, type WordForms} from './word-forms.js'

/** Words that are good English but missing from `dictionary-en` (loanwords, British irregulars). */
const EXTRA_FILE = join(RULES_DIRECTORY, 'vocabulary', 'english-extra.txt')

/** Lines of a word list: one word a line, `#` starts a comment. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
}

let extraWords: string[] | undefined
/** postedit's own extra vocabulary (`rules/vocabulary/english-extra.txt`), read once. */
function extraVocabulary(): string[] {
  extraWords ??= parseWordList(bundledFile('rules/vocabulary/english-extra.txt') ?? readFileSync(EXTRA_FILE, 'utf8'))
  return extraWords
}

/** What a speller is built from. */
export interface SpellerSource {
  /** The dictionary (default `'en'`: American, British forms accepted as well). */
  dictionary?: DictionaryOption | undefined
  /** Words that are right everywhere this speller is used (pack vocabulary, gazetteer names): accepted and suggested. */
  personal?: Iterable<string>
  /** The user's words: accepted, with their plurals in `-s`, and offered as suggestions by the rule. */
  words?: readonly string[]
}

const lowerFirst = (word: string) => word[0]!.toLowerCase() + word.slice(1)

/**
 * Parts a hyphenated compound may start with that are not words alone
 * (`co-operate`, `e-mail`, `al-Assad`, `ex-minister`).
 */
const PREFIXES = new Set(['co', 'e', 'ex', 'al', 'el', 'ad', 'ibn', 'bin', 'abu', 'pre', 'non', 'anti', 'multi', 'mid', 'semi', 'sub', 'post', 'pro', 'inter', 'intra', 'self', 'vice', 'de', 're', 'un', 'bi', 'tri', 'geo', 'bio', 'eco', 'neo', 'socio', 'quasi', 'pan'])

/** Whether `part` may stand in a hyphenated compound without being a word. */
export function isCompoundPrefix(part: string): boolean {
  return PREFIXES.has(part.toLowerCase())
}

/**
 * What spelling checks a word against: one dictionary, postedit's extra
 * vocabulary and the words it was built with. Built once per processor
 * from its sources and never changed afterwards, so the same text with the
 * same options gets the same verdicts whatever ran before.
 */
export class Speller {
  /** The user's accepted words, as given. */
  readonly userWords: readonly string[]
  /** Per-word-type caches of candidates (see `candidatesFor`). */
  readonly candidateCache = new Map<string, Candidate[]>()
  /** Per-word-type caches of a name's neighbours among the speller's own words (see `nameCandidatesAmong`). */
  readonly ownNeighbourCache = new Map<string, string[]>()
  private readonly primary: WordForms
  /** Forms of the other variety accepted too (default `'en'`: the British forms the American dictionary lacks). */
  private readonly alsoAccepted: WordForms | undefined
  /** Whether British rewrites of American dictionary words are accepted (default `'en'`). */
  private readonly rewrites: boolean
  /** The variety not chosen, under an explicit `'en-US'` or `'en-GB'`: its forms are reported as such. */
  private readonly otherVariety: 'en-US' | 'en-GB' | undefined
  /** Pack and gazetteer words and the caller's: a word set, not a Set of thousands of heap objects the startup snapshot rebuilds on every run. */
  private readonly personal: WordSet
  private readonly user: Set<string>
  /** {@link suggestable} and {@link lookUp}, cached per word type (and so bounded on huge inputs). */
  private readonly inDictionaryCached = perWordType((word) => this.suggestable(word))
  private readonly knowsCached = perWordType((word) => this.lookUp(word))

  constructor(source: SpellerSource = {}) {
    const dictionary = source.dictionary ?? 'en'
    this.primary = loadWordForms(dictionary === 'en' ? 'en-US' : dictionary)
    // Asked only after the primary dictionary: the forms both hold need not be held twice.
    this.alsoAccepted = dictionary === 'en' ? loadWordFormsBeyond('en-GB', 'en-US') : undefined
    this.rewrites = dictionary === 'en'
    this.otherVariety = dictionary === 'en-US' ? 'en-GB' : dictionary === 'en-GB' ? 'en-US' : undefined
    const personal = new Set<string>()
    for (const word of [...extraVocabulary(), ...(source.personal ?? [])]) {
      for (const form of [word, ...word.split(/[-\u2010\u2011]/)]) {
        const normal = normalizeWord(form)
        if (normal.length > 0) personal.add(normal)
      }
    }
    this.personal = holdForSnapshot(new WordSet(personal))
    this.userWords = (source.words ?? []).map((word) => word.normalize('NFC').replace(/\u2019/g, "'"))
    this.user = new Set(this.userWords)
  }

  /** Whether the dictionary or the speller's own words hold `word` (nspell's verdict; uncached). */
  suggestable(word: string): boolean {
    if (this.primary.correct(word)) return true
    // Pack lists hold both varieties' spellings (centre, center); under one variety they must not hide the other's.
    if (this.otherVarietyOf(word)) return false
    const normal = normalizeWord(word)
    return normal.length > 0 && correctIn((form) => this.personal.has(form), normal)
  }

  /**
   * {@link suggestable} for the one-edit neighbours of `word` (its own
   * characters with ASCII lower-case letters or `'` put in): the same
   * verdicts without normalising each of the thousands of strings, which
   * such strings never need (no space, digit or curly apostrophe comes in).
   */
  neighbourTest(word: string): (form: string) => boolean {
    if (this.otherVariety || /[\s\d\u2019]/.test(word)) return (form) => this.suggestable(form)
    const primary = this.primary.has
    const personal = this.personal
    // In lower case every neighbour stays lower case, where nspell's case rules come down to the form itself.
    if (/^[a-z']*$/.test(word)) return (form) => primary(form) || personal.has(form)
    // A name in title case keeps its capital and gains lower-case letters: never all capitals
    // (bar a lone letter or apostrophes, where the check is the same), always unequal to its lower case.
    if (/^[A-Z][a-z']*$/.test(word)) {
      return (form) => {
        if (primary(form) || personal.has(form)) return true
        const lower = form.toLowerCase()
        return primary(lower) || personal.has(lower)
      }
    }
    const inPersonal = (form: string) => personal.has(form)
    return (form) => correctIn(primary, form) || correctIn(inPersonal, form)
  }

  /** {@link suggestable}, cached per word: what a word is checked and offered against. */
  inDictionary(word: string): boolean {
    return this.inDictionaryCached(word)
  }

  /**
   * The other variety, when this speller checks one (`'en-GB'`: `color` is
   * American), if it knows `word`; loaded on first use.
   */
  otherVarietyOf(word: string): 'en-US' | 'en-GB' | undefined {
    return this.otherVariety && loadWordForms(this.otherVariety).correct(word) ? this.otherVariety : undefined
  }

  /** Whether `word` is one of the speller's own words (pack vocabulary, gazetteer names). */
  isPersonal(word: string): boolean {
    return this.personal.has(word)
  }

  /** A word the dictionary knows only capitalised (`Assad`, not `Anal`). */
  isProperNoun(word: string): boolean {
    const lower = word.toLowerCase()
    return lower !== word && this.inDictionary(word) && !this.inDictionary(lower)
  }

  private byUser(word: string): boolean {
    if (this.user.has(word)) return true
    // Plurals of a user's word (`Houthis` for Houthi).
    return word.endsWith('s') && (this.user.has(word.slice(0, -1)) || (word.endsWith('es') && this.user.has(word.slice(0, -2))))
  }

  /** Known but never offered: the other variety's forms and the lists of people's and companies' names. */
  private accepted(word: string): boolean {
    if (this.alsoAccepted?.correct(word)) return true
    return word !== word.toLowerCase() && knownNames().has(word)
  }

  private lookUp(word: string): boolean {
    if (this.inDictionary(word) || this.byUser(word) || this.accepted(word)) return true
    // A word capitalised at the start of a sentence or in a title.
    const lower = lowerFirst(word)
    if (lower !== word && (this.inDictionary(lower) || this.byUser(lower) || this.alsoAccepted?.correct(lower))) return true
    const plain = withoutMarks(word)
    if (plain !== word && (this.inDictionary(plain) || this.inDictionary(lowerFirst(plain)) || this.accepted(plain))) return true
    // `Nasa`, `Opec`, `Aids`: house styles that write a known acronym as a name.
    if (word.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(word) && this.inDictionary(word.toUpperCase())) return true
    // Plurals the dictionary lacks (`corporates`, `financials`).
    if (word.length >= 5 && word.endsWith('s') && !word.endsWith('ss') && this.inDictionary(word.slice(0, -1))) return true
    return this.rewrites && americanForms(word.toLowerCase()).some((form) => this.inDictionary(form))
  }

  /**
   * Whether `word` (one word, no hyphen, apostrophes straight) is spelled
   * right: known to the dictionary or the user, as written, with its first
   * letter lowered, without accents, or (by default) as a British form.
   */
  knows(word: string): boolean {
    return this.knowsCached(word)
  }
}

/** Spellers kept per process, by what they are built from. */
const spellers = new Map<string, Speller>()
const MAX_SPELLERS = 16
const sourceIds = new WeakMap<object, number>()
let nextSourceId = 0

/** A key for an object source (a rule set, a dictionary): its identity. */
export function identityOf(source: object): number {
  let id = sourceIds.get(source)
  if (id === undefined) {
    id = nextSourceId++
    sourceIds.set(source, id)
  }
  return id
}

/**
 * The speller for these sources, built on first use and shared by every
 * processor with the same key. `personal` is called only when the speller
 * is built.
 */
export function spellerFor(key: string, source: () => SpellerSource): Speller {
  let speller = spellers.get(key)
  if (!speller) {
    if (spellers.size >= MAX_SPELLERS) spellers.delete(spellers.keys().next().value!)
    speller = new Speller(source())
    spellers.set(key, speller)
  }
  return speller
}

let plain: Speller | undefined
/** The speller of the dictionary and postedit's extra vocabulary alone (American, British accepted). */
export function plainSpeller(): Speller {
  plain ??= new Speller()
  return plain
}
