import {dictionaryGeneration, inDictionary} from './dictionary.js'
import {americanForms, withoutMarks} from './variants.js'

/**
 * Parts a hyphenated compound may start with that are not words alone
 * (`co-operate`, `e-mail`, `al-Assad`, `ex-minister`).
 */
const PREFIXES = new Set(['co', 'e', 'ex', 'al', 'el', 'ad', 'ibn', 'bin', 'abu', 'pre', 'non', 'anti', 'multi', 'mid', 'semi', 'sub', 'post', 'pro', 'inter', 'intra', 'self', 'vice', 'de', 're', 'un', 'bi', 'tri', 'geo', 'bio', 'eco', 'neo', 'socio', 'quasi', 'pan'])

/** Whether `part` may stand in a hyphenated compound without being a word. */
export function isCompoundPrefix(part: string): boolean {
  return PREFIXES.has(part.toLowerCase())
}

const lowerFirst = (word: string) => word[0]!.toLowerCase() + word.slice(1)

/** What spelling a word checks against: the dictionary plus the user's words. */
export class Lexicon {
  /** The user's accepted words, as given. */
  readonly userWords: readonly string[]
  private readonly user: Set<string>
  private readonly verdicts = new Map<string, boolean>()
  private generation = dictionaryGeneration()

  constructor(words: readonly string[] = []) {
    this.userWords = words.map((word) => word.normalize('NFC').replace(/\u2019/g, "'"))
    this.user = new Set(this.userWords)
  }

  private byUser(word: string): boolean {
    if (this.user.has(word)) return true
    // Plurals of a user's word (`Houthis` for Houthi).
    return word.endsWith('s') && (this.user.has(word.slice(0, -1)) || (word.endsWith('es') && this.user.has(word.slice(0, -2))))
  }

  private lookUp(word: string): boolean {
    if (inDictionary(word) || this.byUser(word)) return true
    // A word capitalised at the start of a sentence or in a title.
    const lower = lowerFirst(word)
    if (lower !== word && (inDictionary(lower) || this.byUser(lower))) return true
    const plain = withoutMarks(word)
    if (plain !== word && (inDictionary(plain) || inDictionary(lowerFirst(plain)))) return true
    // Plurals the dictionary lacks (`corporates`, `financials`).
    if (word.length >= 5 && word.endsWith('s') && !word.endsWith('ss') && inDictionary(word.slice(0, -1))) return true
    return americanForms(word.toLowerCase()).some(inDictionary)
  }

  /**
   * Whether `word` (one word, no hyphen, apostrophes straight) is spelled
   * right: known to the dictionary or the user, as written, with its first
   * letter lowered, without accents, or as the British form of a known word.
   */
  knows(word: string): boolean {
    if (this.generation !== dictionaryGeneration()) {
      this.verdicts.clear()
      this.generation = dictionaryGeneration()
    }
    let verdict = this.verdicts.get(word)
    if (verdict === undefined) {
      verdict = this.lookUp(word)
      this.verdicts.set(word, verdict)
    }
    return verdict
  }
}

const lexicons = new Map<string, Lexicon>()
/** Lexicons kept per process, by word list, so their verdict caches outlive one run. */
const MAX_LEXICONS = 16

/** The lexicon for a user's word list, shared by every processor given the same list. */
export function lexiconFor(words: readonly string[]): Lexicon {
  const key = words.join('\n')
  let lexicon = lexicons.get(key)
  if (!lexicon) {
    if (lexicons.size >= MAX_LEXICONS) lexicons.delete(lexicons.keys().next().value!)
    lexicon = new Lexicon(words)
    lexicons.set(key, lexicon)
  }
  return lexicon
}
