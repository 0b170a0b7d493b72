import {wordTable} from '../infra/vocabulary.js'

/**
 * Words that name a country of the region in English: its name, demonym and
 * capital. A bare surname is tied to a known person only by a role *and* a
 * country (or the person's own group) in its sentence; "Iranian commander
 * Kazemi" names an Iranian, not Iraq's prime minister.
 */
let tables: {byCountry: Map<string, Set<string>>; everyWord: Map<string, string>} | undefined

/** The tables, built on first use (the browser installs its data after the modules load). */
function countryTables() {
  if (tables) return tables
  tables = {byCountry: new Map(), everyWord: new Map()}
  for (const [country, words] of Object.entries(wordTable('region-country-words'))) {
    const set = new Set(words)
    tables.byCountry.set(country, set)
    for (const word of set) tables.everyWord.set(word, country)
  }
  return tables
}

/** The country (ISO code) a lower-case word or phrase names, if it names one of the region. */
export function countryOfWord(word: string): string | undefined {
  return countryTables().everyWord.get(word)
}

/** Whether a lower-case context word names `country` (its name, people or capital). */
export function isCountryWord(word: string, country: string | undefined): boolean {
  return country !== undefined && (countryTables().byCountry.get(country)?.has(word) ?? false)
}
