import {readFileSync} from 'node:fs'
import nspell from 'nspell'
import {cacheKey, sharedCache} from '../packs/cache.js'

type NSpell = ReturnType<typeof nspell>

/**
 * dictionary-en's words with every affix applied, as a set: the same
 * verdicts as nspell's `correct`, without building nspell on every run.
 *
 * Building nspell from dictionary-en costs about 0.3 s a process; the forms
 * it expands (some 124,000) load from the cache in about 0.06 s. The cache
 * is keyed by the dictionary's own bytes, so a new dictionary-en rebuilds it.
 */
export interface WordForms {
  /** nspell's `correct`: exact, then sentence case for capitals, then lower case. */
  correct(word: string): boolean
  /** Accept more words, as nspell's personal dictionary does. */
  add(words: readonly string[]): void
}

/** What dictionary-en's affix file asks of the check (ICONV ’ '): curly apostrophes read as straight. */
const normalize = (word: string) => word.trim().replace(/\u2019/g, "'")

/** Build the forms from nspell, dropping those only allowed inside compounds (ONLYINCOMPOUND). */
function expand(spell: NSpell): string[] {
  const data = (spell as unknown as {data: Record<string, string[]>}).data
  const onlyInCompound = (spell as unknown as {flags: Record<string, unknown>}).flags.ONLYINCOMPOUND
  return Object.keys(data).filter((word) => !(typeof onlyInCompound === 'string' && data[word]!.includes(onlyInCompound)))
}

/** The word forms of dictionary-en, from the cache or built (and cached) now. */
export function loadWordForms(): WordForms {
  const base = new URL(import.meta.resolve('dictionary-en'))
  const aff = readFileSync(new URL('index.aff', base))
  const dic = readFileSync(new URL('index.dic', base))
  const cache = sharedCache()
  const key = cacheKey('word-forms', String(aff), String(dic))
  let speller: NSpell | undefined
  // nspell itself, for what the set does not cover (numbers: compound rules such as 21st).
  const nspellNow = () => (speller ??= nspell({aff, dic}))
  let list = cache.get(key) as string[] | undefined
  if (!Array.isArray(list)) {
    list = expand(nspellNow())
    cache.set(key, list)
  }
  const forms = new Set(list)
  const extra: string[] = []
  const has = (word: string) => forms.has(word)
  return {
    correct(word) {
      const normal = normalize(word)
      if (!normal) return false
      if (/\d/.test(normal)) {
        const spell = nspellNow()
        if (extra.length > 0) spell.personal(extra.splice(0).join('\n'))
        return spell.correct(normal)
      }
      if (has(normal)) return true
      if (normal.toUpperCase() === normal) {
        const sentence = normal.charAt(0) + normal.slice(1).toLowerCase()
        if (has(sentence)) return true
      }
      const lower = normal.toLowerCase()
      return lower !== normal && has(lower)
    },
    add(words) {
      for (const word of words) forms.add(normalize(word))
      extra.push(...words)
    }
  }
}
