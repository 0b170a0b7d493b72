import {perWordType} from '../engine/word-cache.js'

/**
 * The transliteration key: one string shared by the ways an Arabic (or
 * Persian, Turkish) name reaches English.
 *
 * Arabic writes consonants and long vowels; English writers choose among
 * several letters for one Arabic sound (ذ as dh, z, th, d; ق as q, k, g; ج as
 * j, g, dj) and spell short vowels as they hear them. The key keeps the
 * consonant skeleton, folds the letters that stand for one Arabic sound, and
 * marks where vowels are without saying which. Which foldings hold was
 * checked on variant sets of real names (Wikidata and Google romanisations
 * grouped by their Arabic spelling): `scripts/measure-key.mjs` prints the
 * key's pairwise precision and recall there.
 */

/** Definite-article forms written as their own word or before a hyphen. */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'il', 'an', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'ad', 'adh', 'ed', 'es', 'et', 'en', 'er', 'ez'
])

const MARKS = /\p{M}/gu
const APOSTROPHES = /['\u2019\u2018\u02BC\u02BB\u02BF\u02BE`\u00B4]/g
const VOWEL = 'V'

// Letter groups folded before vowels are reduced. Order matters: digraphs
// first, so that "kh" is not read as "k" + "h".
const DIGRAPHS: Array<[RegExp, string]> = [
  [/tch/g, 'ch'],
  [/dj/g, 'j'],
  [/ch/g, 'sh'], // French romanisation: Chadli, Choukri
  [/kh/g, 'h'], // خ and ح meet in English
  [/gh/g, 'g'],
  [/dh|th|dz|zh/g, 'z'], // ذ ظ ث: Kadhimi, Kazemi, Othman
  [/ph/g, 'f'],
  // French romanisation writes س as c before e and i: Youcef, Mecili, Lacen.
  [/c(?=[eiy])/g, 's'],
  [/ck|q|c|k|g/g, 'k'], // ق ك and the Egyptian g
  [/x/g, 'ks'],
  [/p/g, 'b'], // Arabic has no p
  [/v/g, 'w'], // Persian and Turkish v for و
]

/**
 * Key of one word (no spaces). Article forms are handled by {@link nameKey}.
 */
export const wordKey = perWordType(computeWordKey)

function computeWordKey(word: string): string {
  let s = word.normalize('NFD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '').replace(/[^a-z]/g, '')
  if (s.length === 0) return ''
  // Abd al-, Abdul, Abdel, Abdoul: one prefix ("servant of"), whatever its vowel.
  s = s.replace(/^abd(?:ou|[aeiou])?l(?=[a-z]{2})/, 'abd')
  for (const [from, to] of DIGRAPHS) s = s.replace(from, to)
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    // y and w are vowels inside a word (Husayn = Hussein, Marwan = Marouane),
    // consonants at its start (Yasser, Walid).
    const vowel = 'aeiou'.includes(c) || ((c === 'y' || c === 'w') && i > 0)
    const mark = vowel ? VOWEL : c
    if (out.endsWith(mark)) continue // doubled letters and vowel runs
    out += mark
  }
  // Endings -a, -ah, -eh, -e fold together (Salameh, Salame, Salama).
  if (out.length > 2 && out.endsWith(`${VOWEL}h`)) out = out.slice(0, -1)
  // French spellings of the Maghreb end a consonant with a silent -e
  // (Tebboune, Othmane, Karime): measured on the Wikidata variant sets, dropping
  // it raises both the key's precision and its recall.
  if (s.length > 4 && /[^aeiouy]e$/.test(s) && out.endsWith(VOWEL)) out = out.slice(0, -1)
  // A final ض is written d, dh or z alike (Riad, Riyadh).
  if (out.length > 2 && out.endsWith('d')) out = `${out.slice(0, -1)}z`
  // A silent initial h before a vowel is not dropped: Hassan is not Assan.
  return out
}

/**
 * The words of a name with article forms and the glue between them removed;
 * cached per name (the names rule asks it of each mention several times),
 * so the list is shared and read-only.
 */
export const nameWords: (name: string) => readonly string[] = perWordType((name: string) => Object.freeze(nameWordsOf(name)))

/** {@link nameWords} uncached, for loading a gazetteer (each of its names is read once). */
export function nameWordsOf(name: string): string[] {
  const words = name
    .normalize('NFC')
    .split(/[\s\-\u2010\u2011]+/u)
    .filter((w) => w.length > 0)
  const kept: string[] = []
  for (const word of words) {
    const lower = word.toLowerCase()
    // A hyphenated or free-standing article is dropped: al-Assad = Assad.
    if (ARTICLES.has(lower) && words.length > 1) continue
    kept.push(word)
  }
  return kept
}

/**
 * Key of a whole name: the keys of its words (article forms dropped), joined
 * by spaces. `al-Kadhimi`, `Al Kazemi` and `Kadhimi` share a key.
 */
export const nameKey: (name: string) => string = perWordType((name) => keyWords(name).join(' '))

/**
 * The keys of a name's words, with `Abd` and its article written apart
 * joined to the next word: Abd Allah, Abdul Aziz, Abdel-Aziz and Abdulaziz
 * are written one word or two.
 */
function keyWords(name: string): string[] {
  const words = nameWords(name)
  const joined: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (/^abd(?:ou|[aeiou])?l?$/i.test(word) && i + 1 < words.length) {
      joined.push(`${word}${words[i + 1]!}`)
      i++
    } else joined.push(word)
  }
  return joined.map(wordKey).filter((k) => k.length > 0)
}

/** Whether `word` is a free-standing article form (al, el, ash…). */
export function isArticle(word: string): boolean {
  return ARTICLES.has(word.toLowerCase())
}

/**
 * A looser key for a person's full name: the given names as {@link nameKey}
 * has them, the surname as its consonants alone. Arabic does not write short
 * vowels, so English writers add or drop them (al-Maliki, al-Malki); with
 * the given name fixed, the consonants still single the person out.
 * Undefined for one-word names and surnames of fewer than three consonants.
 */
export const looseNameKey: (name: string) => string | undefined = perWordType(computeLooseNameKey)

function computeLooseNameKey(name: string): string | undefined {
  const keys = keyWords(name)
  if (keys.length < 2) return undefined
  const skeleton = keys.at(-1)!.replaceAll(VOWEL, '')
  if (skeleton.length < 3) return undefined
  return `${keys.slice(0, -1).join(' ')} ${skeleton}`
}

/**
 * The consonants alone of a name's key: Arabic writes no short vowels, so a
 * place reaches English with one added or dropped (al-Duqum, Duqm).
 * Undefined below three consonants, where it would match too much.
 */
export const skeletonKey: (name: string) => string | undefined = perWordType(computeSkeletonKey)

function computeSkeletonKey(name: string): string | undefined {
  const key = nameKey(name).replaceAll(VOWEL, '')
  return key.replaceAll(' ', '').length >= 3 ? key : undefined
}
