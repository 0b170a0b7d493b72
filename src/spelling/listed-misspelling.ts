import type {Finding} from '../engine/types.js'
import {listedCorrections, type MisspellingVariety} from './common-misspellings.js'
import {lowerCaseFrequency} from './frequency.js'
import type {DictionaryOption} from './word-forms.js'
import type {WordPart} from './words.js'

/** A listed word this common in SUBTLEXus is speech written as spoken (`takin`, `givin`), left to the usual verdict. */
const ATTESTED_COUNT = 20

/**
 * Entries whose misspelling is a word in its own right, in English (`klick`,
 * military slang for a kilometre; `missable`; `licker`) or in the French,
 * Spanish, Italian, German and Latin that news quotes (`objet d'art`,
 * `seconde`, `la vida loca`, `Juni`): the list is right about code and
 * prose slips, not about these.
 */
const WORDS_IN_THEIR_OWN_RIGHT = new Set(['klick', 'klicks', 'missable', 'licker', 'lickers', 'objet', 'objets', 'affaires', 'seconde', 'secondes', 'cose', 'loca', 'lene', 'pash', 'vell', 'vill', 'chello', 'claus', 'ines', 'juni', 'christin', 'radis', 'gard', 'boun', 'doble', 'methode', 'artistas', 'agriculteurs', 'intellectus', 'dinosaurus'])

/** What the verdict needs to know about the word's place and the speller. */
export interface ListedContext {
  /** The rule id the finding carries. */
  ruleId: string
  /** Whether the speller knows a word (dictionary, packs, gazetteer, user words). */
  knows: (word: string) => boolean
  /** The spelling rule's dictionary option: `en-US` and `en-GB` add their variety's list. */
  dictionary: DictionaryOption | undefined
  /** Whether the word opens a sentence or a line (capitalised for grammar); asked only of capitalised words. */
  opensSentence: () => boolean
  /**
   * Whether a capitalised word is evidently a name: the next word is
   * capitalised too (`Abd Allah`), or the article writes it capitalised
   * mid-sentence elsewhere. Asked only of a sentence's first word.
   */
  isName: () => boolean
}

const varietyOf = (dictionary: DictionaryOption | undefined): MisspellingVariety => (dictionary === 'en-US' || dictionary === 'en-GB' ? dictionary : 'en')

const isTitleCase = (word: string) => /^\p{Lu}\p{Ll}+$/u.test(word)

/** `Teh` → `The`: a correction capitalised as the word it replaces opened the sentence. */
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1)

/**
 * A `spelling.misspelling` finding for an unknown word the list of common
 * English misspellings has (`@cspell/dict-en-common-misspellings`), or
 * `undefined` when the list cannot decide it:
 *
 * - one correction the speller knows: the finding fixes it (`recieved` →
 *   `received`); the list exists for exactly these slips;
 * - several: they are offered, no fix;
 * - a capitalised word only when the list's entry is itself capitalised
 *   (`Britian` → `Britain`), or when it opens a sentence and is not followed
 *   by another capitalised word nor written capitalised mid-sentence
 *   elsewhere (`Teh talks` → `The talks`, but never inside a name such as
 *   `Abd Allah`); the correction keeps its case.
 *
 * The caller asks only about words the speller does not know, so a word of
 * the dictionary, the gazetteer, the packs or the user is never listed here.
 */
export function listedMisspelling(part: WordPart, context: ListedContext): Finding | undefined {
  const word = part.value
  const variety = varietyOf(context.dictionary)
  let corrections: string[] | undefined
  if (word === word.toLowerCase()) corrections = listedCorrections(word, variety)
  else if (isTitleCase(word)) {
    corrections = listedCorrections(word, variety)
    if (!corrections && context.opensSentence() && listedCorrections(word.toLowerCase(), variety) && !context.isName()) {
      corrections = listedCorrections(word.toLowerCase(), variety)?.map((correction) => capitalised(correction))
    }
  }
  if (!corrections || WORDS_IN_THEIR_OWN_RIGHT.has(word.toLowerCase()) || lowerCaseFrequency(word) >= ATTESTED_COUNT) return undefined
  // Only words the speller knows: a list entry must not steer to a word postedit would flag in turn.
  const expected = corrections.filter((correction) => correction.split(/[ -]/).every((piece) => piece === '' || context.knows(piece.replace(/\u2019/g, "'"))))
  if (expected.length === 0) return undefined
  const fix = corrections.length === 1 ? expected[0] : undefined
  const quoted = expected.map((correction) => `\`${correction}\``)
  return {
    ruleId: context.ruleId,
    reason: `Unexpected \`${word}\`, expected ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}`,
    start: part.start,
    end: part.end,
    expected,
    ...(fix ? {fix: {start: part.start, end: part.end, text: fix}} : {}),
    note: fix
      ? `A common misspelling of \`${fix}\` (list of common English misspellings).`
      : 'A common misspelling; the list of common English misspellings gives more than one word it may stand for, so pick the one meant.'
  }
}
