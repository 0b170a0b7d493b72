import {readFileSync} from 'node:fs'
import {bundledFile} from '../infra/bundled-data.js'
import {cacheKey, sharedCache, SNAPSHOT_FORMAT} from '../infra/cache.js'
import {Held} from '../infra/held.js'

/**
 * A maintained list of common English misspellings and their corrections:
 * `@cspell/dict-en-common-misspellings` (CC BY-SA 4.0, Street Side
 * Software; drawn from Wikipedia's list of common misspellings and the
 * `typos` project). Each entry is `misspelling->correction` or, when the slip
 * has several likely meanings, `misspelling->one, other`.
 *
 * A listed word with one correction is a known slip with a known answer, so
 * spelling may fix it; with several, it offers them.
 */
const PACKAGE = '@cspell/dict-en-common-misspellings'

/** The lists a dictionary option reads: its variety's own under `en-US` or `en-GB` first, then the common one. */
export type MisspellingVariety = 'en' | 'en-US' | 'en-GB'

const FILES: Record<MisspellingVariety, readonly string[]> = {
  en: ['dict-en'],
  'en-US': ['dict-en-us', 'dict-en'],
  'en-GB': ['dict-en-gb', 'dict-en']
}

interface CspellDefinitions {
  dictionaryDefinitions?: Array<{suggestWords?: string[]; flagWords?: string[]}>
}

/** Where the package's files are, or `undefined` when it is not installed. */
function packageUrl(): string | undefined {
  try {
    return import.meta.resolve(`${PACKAGE}/cspell-ext.json`)
  } catch {
    return undefined
  }
}

/**
 * One list file (`dict-en`) as postedit looks it up: its single-word entries
 * as `misspelling->corrections` lines, sorted by code unit and joined by
 * `\n`, so a lookup is a binary search in one string (no table of ninety
 * thousand entries to build or hold). Built from the package's JSON, which
 * `scripts/build-browser.mjs` calls too; empty when the package is missing.
 */
export function sortedMisspellings(name: string): string {
  const base = packageUrl()
  if (!base) return ''
  let text: string
  try {
    text = readFileSync(new URL(`dict/${name}.json`, base), 'utf8')
  } catch {
    return ''
  }
  const entries = new Map<string, string>()
  for (const definition of (JSON.parse(text) as CspellDefinitions).dictionaryDefinitions ?? []) {
    for (const line of [...(definition.suggestWords ?? []), ...(definition.flagWords ?? [])]) {
      const arrow = line.indexOf('->')
      // Single words only (`Coca Cola` is two): the rule checks words one at a time. Latin-1 only: the
      // few entries beyond it (a Cyrillic `с` in `сontain`) would make the whole text twice the size.
      // One-word slips only; Latin-1 only, so the list stays one byte a character.
      if (arrow <= 0 || /\s/.test(line.slice(0, arrow)) || /[^\u0000-\u00FF]/.test(line)) continue
      entries.set(line.slice(0, arrow), line.slice(arrow + 2).replace(/\s*,\s*/g, ',').trim())
    }
  }
  return [...entries.keys()]
    .sort()
    .map((word) => `${word}->${entries.get(word)}`)
    .join('\n')
}

/** The package's version, which keys the cached sorted lists. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('package.json', packageUrl()), 'utf8')) as {version: string}).version
  } catch {
    return 'none'
  }
}

/** Changes when the way a list is built changes, so a list cached by an older postedit is not read. */
const LIST_FORMAT = 'lines-2'

const sorted = new Map<string, Held<string>>()

/** {@link sortedMisspellings} of `name`: from the browser bundle, postedit's disk cache, or built (and cached) on first use. */
function listText(name: string): string {
  const held = sorted.get(name)
  if (held !== undefined) return held.value
  let text = bundledFile(`${PACKAGE}/${name}.txt`)
  if (text === undefined) {
    const cache = sharedCache()
    // Stored with V8's serializer: one flat string reads back in a fraction of the time JSON takes.
    const key = cacheKey('common-misspellings', LIST_FORMAT, SNAPSHOT_FORMAT, `${PACKAGE}@${packageVersion()}`, name)
    const stored = cache.getSnapshot(key)
    if (typeof stored === 'string') text = stored
    else {
      text = sortedMisspellings(name)
      cache.setSnapshot(key, text)
    }
  }
  sorted.set(name, new Held(text))
  return text
}

/** The corrections of `word` in a sorted list text (`receive`, `abandonment,abandon`), by binary search over its lines. */
function lookUp(text: string, word: string): string | undefined {
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = (low + high) >>> 1
    // The line holding `middle`: `low` always starts a line, so this one starts at `low` or later.
    const start = middle === 0 ? 0 : text.lastIndexOf('\n', middle - 1) + 1
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const arrow = text.indexOf('->', start)
    const key = text.slice(start, arrow)
    if (key === word) return text.slice(arrow + 2, end)
    if (key < word) low = end + 1
    else high = start
  }
  return undefined
}

/**
 * The corrections the list gives for `word`, exactly as written
 * (`recieve` → `['receive']`, `Britian` → `['Britain']`), or `undefined`
 * when the list does not have it. Each list is loaded on first use, once
 * per process.
 */
export function listedCorrections(word: string, variety: MisspellingVariety = 'en'): string[] | undefined {
  if (word.length === 0 || word.includes('\n')) return undefined
  for (const name of FILES[variety]) {
    const corrections = lookUp(listText(name), word)
    if (corrections !== undefined) return corrections.split(',').filter(Boolean)
  }
  return undefined
}
