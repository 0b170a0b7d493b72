import {readFileSync} from 'node:fs'
import nspell from 'nspell'
import {bundledData, bundledFile} from '../infra/bundled-data.js'
import {holdForSnapshot} from '../infra/held.js'
import {WordSet} from '../infra/word-set.js'
import {cacheKey, sharedCache} from '../infra/cache.js'

type NSpell = ReturnType<typeof nspell>

/** A Hunspell dictionary as retext-spell and `dictionary-en` give it: affix and word files. */
export interface DictionaryFiles {
  aff: Uint8Array | string
  dic: Uint8Array | string
}

/**
 * Which dictionary spelling checks against: `'en'` (the default: American
 * spelling, British forms accepted too), `'en-US'` or `'en-GB'` (one variety:
 * the other is flagged), or a Hunspell dictionary (`import gb from
 * 'dictionary-en-gb'`).
 */
export type DictionaryOption = 'en' | 'en-US' | 'en-GB' | DictionaryFiles

/**
 * A dictionary's words with every affix applied, as a set: the same
 * verdicts as nspell's `correct`, without building nspell on every run.
 * Never changes once loaded: words a processor adds live in its own speller.
 *
 * Building nspell from dictionary-en costs about 0.3 s a process; the forms
 * it expands (some 124,000) load from the cache in about 0.06 s. The cache
 * is keyed by nspell's version, the dictionary's name and version and its
 * own bytes, so a new dictionary or nspell rebuilds it.
 */
export interface WordForms {
  /** nspell's `correct`: exact, then sentence case for capitals, then lower case. */
  correct(word: string): boolean
  /** Whether the set holds this exact form. */
  has(form: string): boolean
}

/** What dictionary-en's affix file asks of the check (ICONV ’ '): curly apostrophes read as straight. */
export const normalizeWord = (word: string) => word.trim().replace(/\u2019/g, "'")

/**
 * nspell's case rules over any set of forms: exact, an all-caps word in
 * sentence case, a capitalised word in lower case.
 */
export function correctIn(has: (form: string) => boolean, word: string): boolean {
  if (has(word)) return true
  if (word.toUpperCase() === word) {
    const sentence = word.charAt(0) + word.slice(1).toLowerCase()
    if (has(sentence)) return true
  }
  const lower = word.toLowerCase()
  return lower !== word && has(lower)
}

/**
 * The forms nspell expanded, dropping those only allowed inside compounds
 * (ONLYINCOMPOUND). Reads nspell's `data` and `flags`, which are not public:
 * `tests/speller.test.ts` fails when they change shape.
 */
export function expandForms(spell: NSpell): string[] {
  const {data, flags} = spell as unknown as {data: Record<string, string[]>; flags: Record<string, unknown>}
  if (typeof data !== 'object' || data === null || typeof flags !== 'object' || flags === null) {
    throw new TypeError('nspell no longer keeps `data` and `flags`: word forms cannot be expanded')
  }
  const onlyInCompound = flags.ONLYINCOMPOUND
  return Object.keys(data).filter((word) => !(typeof onlyInCompound === 'string' && data[word]!.includes(onlyInCompound)))
}

/** The version of an installed package: its package.json, found upward from its entry point. */
function packageVersion(name: string): string {
  try {
    let url = new URL('./', import.meta.resolve(name))
    for (let depth = 0; depth < 4; depth++, url = new URL('../', url)) {
      try {
        const json = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as {name?: string; version?: string}
        if (json.name === name) return json.version ?? '?'
      } catch {
        // No package.json at this level: look one up.
      }
    }
  } catch {
    // Not resolvable: the dictionary's bytes still key the cache.
  }
  return '?'
}

/** The shipped dictionaries by variety. */
const PACKAGES = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'} as const

function filesOf(name: string): DictionaryFiles {
  // Bundled: the forms come expanded (see bundledForms); nspell, built only for a word with a digit, needs the entries with digits alone.
  const aff = bundledFile(`${name}/index.aff`)
  if (aff !== undefined) return {aff, dic: bundledFile(`${name}/digits.dic`)!}
  const base = new URL(import.meta.resolve(name))
  return {aff: readFileSync(new URL('index.aff', base)), dic: readFileSync(new URL('index.dic', base))}
}

const text = (data: Uint8Array | string) => (typeof data === 'string' ? data : Buffer.from(data).toString('utf8'))

const loaded = new Map<string, WordForms>()
const byFiles = new WeakMap<DictionaryFiles, WordForms>()

/** The expanded forms of a dictionary from postedit's cache, expanded with `nspellNow` on a miss. */
function cachedForms(aff: Uint8Array | string, dic: Uint8Array | string, label: string, nspellNow: () => NSpell): string[] {
  const cache = sharedCache()
  const key = cacheKey('word-forms', 'sorted', `nspell@${packageVersion('nspell')}`, label, text(aff), text(dic))
  let list = cache.get(key) as string[] | undefined
  if (!Array.isArray(list)) {
    // Stored sorted: the WordSet built from it on every run then sorts nothing.
    list = expandForms(nspellNow()).sort()
    cache.set(key, list)
  }
  return list
}

/**
 * The expanded forms of a shipped dictionary from the bundled data: in full,
 * or (the other variety) as the forms its base lacks and those it drops.
 */
function bundledForms(name: string): string[] {
  const entry = bundledData()!.forms[name]!
  const lines = (text: string) => (text ? text.split('\n') : [])
  if (!entry.base) return lines(entry.add)
  const removed = new Set(lines(entry.remove))
  return [...bundledForms(entry.base).filter((form) => !removed.has(form)), ...lines(entry.add)]
}

/**
 * The entries of a Hunspell word file whose word holds a digit, as a word
 * file: all nspell needs once the other forms are in a set (the only words
 * it still checks are those with a digit, against compound rules such as
 * 21st), a hundredth of the file to keep for the process.
 */
export function digitEntries(dic: string): string {
  const entries = dic.split('\n').slice(1).filter((line) => /\d/.test(line.split('/')[0]!))
  return [entries.length, ...entries].join('\n')
}

function build(aff: Uint8Array | string, dic: Uint8Array | string, label: string, keep: (forms: string[]) => string[] = (forms) => forms): WordForms {
  let speller: NSpell | undefined
  let entries = dic
  // nspell itself, for what the set does not cover (numbers: compound rules such as 21st).
  const nspellNow = () => (speller ??= nspell({aff: aff as Buffer, dic: entries as Buffer}))
  // With bundled data (the browser) there is no disk cache: the shipped forms come expanded, a given dictionary is expanded once per page.
  const bundled = bundledData()
  const forms = new WordSet(keep(bundled ? (bundled.forms[label] ? bundledForms(label) : expandForms(nspellNow())) : cachedForms(aff, dic, label, nspellNow)))
  // A shipped dictionary's forms live as long as the process; a given one's as long as its caller keeps it.
  if (label !== 'given') holdForSnapshot(forms)
  if (speller === undefined) entries = digitEntries(text(entries))
  const has = (word: string) => forms.has(word)
  return {
    has,
    correct(word) {
      const normal = normalizeWord(word)
      if (!normal) return false
      if (/\d/.test(normal)) return nspellNow().correct(normal)
      return correctIn(has, normal)
    }
  }
}

/** The forms of a shipped variety (those `keep` keeps), labelled for the cache by its package and version. */
function buildShipped(variety: 'en-US' | 'en-GB', keep?: (forms: string[]) => string[]): WordForms {
  const name = PACKAGES[variety]
  const {aff, dic} = filesOf(name)
  return build(aff, dic, bundledData() ? name : `${name}@${packageVersion(name)}`, keep)
}

const beyond = new Map<string, WordForms>()

/**
 * The forms of `variety` that `base` lacks, as a {@link WordForms} whose
 * `correct` agrees with `variety`'s own for every word `base` does not
 * accept: for a caller that asks `base` first. en-GB beyond en-US is 3,000
 * forms where en-GB is 123,000: 4 MB less of the startup snapshot, which
 * every run deserialises.
 */
export function loadWordFormsBeyond(variety: 'en-US' | 'en-GB', base: 'en-US' | 'en-GB'): WordForms {
  const id = `${variety} beyond ${base}`
  let forms = beyond.get(id)
  if (!forms) {
    const known = loadWordForms(base)
    forms = buildShipped(variety, (all) => all.filter((form) => !known.has(form)))
    beyond.set(id, forms)
  }
  return forms
}

/**
 * The word forms of a shipped variety (`'en-US'`: dictionary-en, `'en-GB'`:
 * dictionary-en-gb) or of a dictionary given as files, loaded once per
 * process (from the cache when it can).
 */
export function loadWordForms(dictionary: 'en-US' | 'en-GB' | DictionaryFiles = 'en-US'): WordForms {
  if (typeof dictionary === 'object') {
    let forms = byFiles.get(dictionary)
    if (!forms) {
      forms = build(dictionary.aff, dictionary.dic, 'given')
      byFiles.set(dictionary, forms)
    }
    return forms
  }
  let forms = loaded.get(dictionary)
  if (!forms) {
    forms = buildShipped(dictionary)
    loaded.set(dictionary, forms)
  }
  return forms
}
