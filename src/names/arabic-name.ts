import {perWordType} from '../engine/word-cache.js'
import {nameKey} from './key.js'

/**
 * Arabic-script names of places, read as the romanisations machine
 * translation makes of them.
 *
 * Translation from Arabic often leaves the Arabic name of a place where
 * English has its own (وهران for Oran, طرابلس for Tripoli): the
 * output is a romanisation nobody listed. The gazetteer gives a place's
 * Arabic-script name (`arabic:`); from it this module derives what any
 * romanisation of it looks like under the transliteration key: the written
 * consonants in order, the long vowels Arabic writes, and short vowels free
 * to appear or not (Arabic does not write them).
 */

// Arabic letters as the transliteration key (key.ts) writes their
// romanisations. Arrays are letters romanised more than one way.
const CONSONANTS: Record<string, string | string[]> = {
  'ب': 'b', 'پ': 'b', 'ت': 't', 'ث': ['z', 't', 's'], 'ج': ['j', 'k'], 'ح': 'h', 'خ': 'h', 'د': 'd', 'ذ': ['z', 'd'], 'ر': 'r',
  'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': ['d', 'z'], 'ط': 't', 'ظ': ['z', 'd'], 'غ': 'k', 'ف': 'f', 'ق': 'k',
  'ك': 'k', 'ک': 'k', 'گ': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'چ': 'sh', 'ژ': 'z', 'ڤ': ['f', 'w']
}
// Letters written as a vowel in every romanisation (alif and its hamza seats).
const LONG_VOWELS = new Set(['ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ئ', 'ؤ'])
// Letters a romanisation may write as a vowel or leave out (ayn, lone hamza).
const SOFT = new Set(['ع', 'ء'])
const MARKS = /[\u064B-\u065F\u0670\u0640]/g

type Token = {kind: 'consonant'; letters: string[]} | {kind: 'vowel'; required: boolean}

/** The tokens of one Arabic word, its article dropped. */
function tokens(word: string): Token[] {
  const letters = [...word.replace(MARKS, '').replace(/^ال/, '')]
  const out: Token[] = []
  letters.forEach((letter, i) => {
    const last = i === letters.length - 1
    if (letter === 'ة') out.push({kind: 'vowel', required: false})
    else if (LONG_VOWELS.has(letter)) out.push({kind: 'vowel', required: true})
    else if (SOFT.has(letter)) out.push({kind: 'vowel', required: false})
    // و and ي are consonants at the start of a word, vowels inside it (as the key reads w and y).
    else if (letter === 'و') out.push(i === 0 ? {kind: 'consonant', letters: ['w']} : {kind: 'vowel', required: true})
    else if (letter === 'ي') out.push(i === 0 ? {kind: 'consonant', letters: ['y']} : {kind: 'vowel', required: true})
    else {
      const mapped = CONSONANTS[letter]
      if (mapped === undefined) return
      let forms = Array.isArray(mapped) ? mapped : [mapped]
      // The key writes a final d as z (Riad, Riyadh).
      if (last) forms = forms.map((form) => (form === 'd' ? 'z' : form))
      // A final h after a vowel is dropped by the key (Salameh, Salama).
      if (last && letter === 'ه') out.push({kind: 'vowel', required: false})
      else out.push({kind: 'consonant', letters: [...new Set(forms)]})
    }
  })
  return out
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Regular-expression source for the keys of one word's romanisations. */
function wordPattern(word: string): {source: string; consonants: number} | undefined {
  const parts: string[] = []
  // Short vowels may stand anywhere between the written letters: an optional
  // vowel before and after each consonant, a required one where Arabic writes
  // a long vowel, merged as the key merges vowel runs.
  let required = false
  let consonants = 0
  let previous = ''
  for (const token of tokens(word)) {
    if (token.kind === 'vowel') {
      required ||= token.required
      continue
    }
    const group = token.letters.map(escape).join('|')
    // A doubled letter is one letter in the key.
    if (group === previous && !required) continue
    parts.push(required ? 'V' : 'V?', token.letters.length > 1 ? `(?:${group})` : group)
    previous = group
    consonants++
    required = false
  }
  parts.push(required ? 'V' : 'V?')
  return consonants === 0 ? undefined : {source: parts.join(''), consonants}
}

/** A romanisation pattern of an Arabic-script name. */
export interface ArabicPattern {
  /** Consonants alone, folded as {@link romanSkeleton} folds them: the index key. */
  skeleton: string
  /** How many consonants the name writes. */
  consonants: number
  /** Tests the {@link nameKey} of a Latin spelling. */
  pattern: RegExp
}

// Letters romanised more than one way meet in one letter for the index.
const fold = (text: string) => text.replace(/d/g, 'z').replace(/j/g, 'k')

/** The patterns of an Arabic-script name, or undefined when it has no letters to go by. */
export function arabicPattern(arabic: string): ArabicPattern | undefined {
  const words = arabic.normalize('NFC').split(/\s+/).filter((word) => /\p{Script=Arabic}/u.test(word))
  const patterns = words.map(wordPattern)
  if (patterns.length === 0 || patterns.some((pattern) => pattern === undefined)) return undefined
  // Two Arabic words are often written as one (أم درمان, Omdurman).
  const pattern = new RegExp(`^${patterns.map((word) => word!.source).join(' ?')}$`)
  // The index key: each consonant's first form, folded.
  const skeleton = fold(
    words
      .flatMap((word) => tokens(word))
      .filter((token): token is Extract<Token, {kind: 'consonant'}> => token.kind === 'consonant')
      .map((token) => token.letters[0]!)
      .join('')
      .replace(/(.)\1+/g, '$1')
  )
  const consonants = patterns.reduce((sum, word) => sum + word!.consonants, 0)
  return {skeleton, consonants, pattern}
}

/** The index key of a Latin spelling, to look up {@link ArabicPattern.skeleton}. */
export const romanSkeleton: (surface: string) => string = perWordType((surface) => fold(nameKey(surface).replace(/[V ]/g, '').replace(/(.)\1+/g, '$1')))
