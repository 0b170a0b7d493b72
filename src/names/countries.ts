/**
 * Words that name a country of the region in English: its name, demonym and
 * capital. A bare surname is tied to a known person only by a role *and* a
 * country (or the person's own group) in its sentence; "Iranian commander
 * Kazemi" names an Iranian, not Iraq's prime minister.
 */
const COUNTRY_WORDS: Readonly<Record<string, string>> = {
  AE: 'uae emirates emirati emiratis abu dhabi dubai',
  BH: 'bahrain bahraini bahrainis manama',
  DZ: 'algeria algerian algerians algiers',
  EG: 'egypt egyptian egyptians cairo',
  IL: 'israel israeli israelis jerusalem tel aviv',
  IQ: 'iraq iraqi iraqis baghdad',
  IR: 'iran iranian iranians tehran persian',
  JO: 'jordan jordanian jordanians amman',
  KW: 'kuwait kuwaiti kuwaitis',
  LB: 'lebanon lebanese beirut',
  LY: 'libya libyan libyans tripoli',
  MA: 'morocco moroccan moroccans rabat',
  MR: 'mauritania mauritanian nouakchott',
  OM: 'oman omani omanis muscat',
  PS: 'palestine palestinian palestinians gaza ramallah',
  QA: 'qatar qatari qataris doha',
  SA: 'saudi saudis riyadh kingdom',
  SD: 'sudan sudanese khartoum',
  SY: 'syria syrian syrians damascus',
  TN: 'tunisia tunisian tunisians tunis',
  TR: 'turkey turkish turks ankara turkiye',
  YE: 'yemen yemeni yemenis sanaa'
}

const byCountry = new Map<string, Set<string>>()
const everyWord = new Map<string, string>()
for (const [country, words] of Object.entries(COUNTRY_WORDS)) {
  const set = new Set<string>()
  // Two-word names (abu dhabi, tel aviv) are kept whole, the rest word by word.
  for (const word of words.replace(/abu dhabi/, 'abu_dhabi').replace(/tel aviv/, 'tel_aviv').split(' ')) set.add(word.replace('_', ' '))
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
