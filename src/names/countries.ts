import {wordTable} from '../infra/vocabulary.js'

/**
 * Words that name a country of the region in English: its name, demonym and
 * capital. A bare surname is tied to a known person only by a role *and* a
 * country (or the person's own group) in its sentence; "Iranian commander
 * Kazemi" names an Iranian, not Iraq's prime minister.
 */
const COUNTRY_WORDS = wordTable('region-country-words')

const byCountry = new Map<string, Set<string>>()
const everyWord = new Map<string, string>()
for (const [country, words] of Object.entries(COUNTRY_WORDS)) {
  const set = new Set(words)
  byCountry.set(country, set)
  for (const word of set) everyWord.set(word, country)
}

/** The country (ISO code) a lower-case word or phrase names, if it names one of the region. */
export function countryOfWord(word: string): string | undefined {
  return everyWord.get(word)
}

/** Whether a lower-case context word names `country` (its name, people or capital). */
export function isCountryWord(word: string, country: string | undefined): boolean {
  return country !== undefined && (byCountry.get(country)?.has(word) ?? false)
}
