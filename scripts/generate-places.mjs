#!/usr/bin/env node
/**
 * Write rules/names/places.yml from GeoNames: every Middle East and North
 * Africa city of 100,000 people or more, with its English name (the AP form
 * where it differs from GeoNames) and its Latin-script alternate names sorted
 * by what an English text that uses them most likely means:
 *
 * - `accept`: the name spelled another way only in what house styles differ
 *   on (a final -h, a doubled letter, an article, a hyphen or apostrophe:
 *   Ajdabiyah, Basrah) and the forms of the ACCEPT table. Never flagged.
 * - `variants` (fixed): romanisations of the *Arabic* name where English has
 *   its own name or spelling (Dumyat for Damietta, Al Uqsur for Luxor), as
 *   machine translation produces them. An alternate is taken for a
 *   romanisation of the Arabic when GeoNames also lists it with the
 *   diacritics of Arabic romanisation (Dumyāṭ, Ţubruq) or when its
 *   consonants are those of the Arabic-script name.
 * - `suggest` (a suggestion, never a fix): other alternates with the name's
 *   transliteration key, mostly names in other languages (Tobrouk, Abadana):
 *   probably the place, but not certainly an error.
 *
 * An alternate is left out when it is lower case (GeoNames' machine
 * romanisations of other scripts), an English word, on the DENY list, or the
 * name or an alternate of another place.
 *
 * Data: GeoNames, geonames.org (CC-BY 4.0).
 * Run after `npx tsc -p .`:
 *   node scripts/generate-places.mjs [path/to/cities15000-mena.tsv]
 */
import {readFileSync, writeFileSync} from 'node:fs'

import {fileURLToPath} from 'node:url'
import {nameKey, nameWords, wordKey} from '../dist/names/key.js'
import {arabicPattern} from '../dist/names/arabic-name.js'


const input = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpora/names/geonames-mena/cities15000-mena.tsv', import.meta.url))
const output = fileURLToPath(new URL('../rules/names/places.yml', import.meta.url))
const MIN_POPULATION = 100_000

// GeoNames writes many Arabic names in strict romanisation; the wire services
// use these forms.
const AP = {
  'Al Hudaydah': 'Hodeidah', 'Hamah': 'Hama', 'Al Hillah': 'Hillah', 'Al Fallujah': 'Fallujah', 'Ar Raqqah': 'Raqqa',
  'Tartus': 'Tartus', 'Samarra\'': 'Samarra', 'Al Kut': 'Kut', 'Ad Diwaniyah': 'Diwaniyah', 'Al \'Amarah': 'Amarah',
  'As Sulaymaniyah': 'Sulaimaniyah', 'Dihok': 'Dohuk', 'Basrah': 'Basra', 'Az Zubayr': 'Zubair', 'As Samawah': 'Samawah',
  'Al Mawsil al Jadidah': null, 'Al Basrah al Qadimah': null, 'Al Madinah': null, 'Nahiyat al Iskandariyah': 'Iskandariyah',
  'Abu Ghurayb': 'Abu Ghraib', 'Umm Qasr': 'Umm Qasr', 'Al Mahmudiyah': 'Mahmudiyah', 'Al Qurnah': 'Qurna', 'An Nu\'maniyah': 'Numaniyah',
  'Makkah': 'Mecca', 'Madinah': 'Medina', 'Ta\'if': 'Taif', 'Jizan': 'Jizan', 'Najran': 'Najran', 'Al Jubayl': 'Jubail',
  'Al Hufuf': 'Hofuf', 'Al Mubarraz': 'Mubarraz', 'Al Kharj': 'Kharj', 'Ha\'il': 'Hail', 'Sulanah': null,
  'Dhamar': 'Dhamar', 'Rafah': 'Rafah', 'Khan Yunis': 'Khan Younis', 'Jabalya': 'Jabalia', 'Ar Rayyan': 'Al Rayyan',
  'Misratah': 'Misrata', 'Az Zawiyah': 'Zawiya', 'Al Bayda\'': 'Bayda', 'Darnah': 'Derna', 'Tajura\'': 'Tajoura', 'Sabha': 'Sabha',
  'Al Khums': 'Khoms', 'Janzur': 'Janzour', 'Marrakesh': 'Marrakech', 'Fes': 'Fez', 'Al Hasakah': 'Hasakah', 'Al Bab': 'al-Bab',
  'Duma': 'Douma', 'Ar Rifa\'': 'Riffa', 'Al Muharraq': 'Muharraq', 'Hawalli': 'Hawalli', 'Al Ahmadi': 'Ahmadi',
  'Salalah': 'Salalah', 'Ra\'s Bayrut': null, 'Nabatiye et Tahta': 'Nabatieh', 'Irbid': 'Irbid', 'As Salt': 'Salt',
  'Ar Ramtha': 'Ramtha', '\'Ajlun': 'Ajloun', 'Al Qadarif': 'Gedaref', 'El Geneina Fort': null, 'Al-Junaynah': 'El Geneina',
  'Shubra al Khaymah': 'Shubra el-Kheima', 'Al Mahallah al Kubra': 'Mahalla al-Kubra', 'Al Mansurah': 'Mansoura',
  'Assiut': 'Assiut', 'Aswan': 'Aswan', 'Bani Suwayf': 'Beni Suef', 'Al Fayyum': 'Fayoum', 'Arish': 'El-Arish', 'Marsa Matruh': 'Marsa Matrouh',
  'Kafr ash Shaykh': 'Kafr el-Sheikh', 'Sohag': 'Sohag', 'Qina': 'Qena', 'Minya': 'Minya', 'Al Qahirah al Jadidah': null,
  'Madinat an Nasr': 'Nasr City', 'Al \'Ashir min Ramadan': '10th of Ramadan City', 'Kandahar': 'Kandahar', 'Herat': 'Herat',
  'Mazar-e Sharif': 'Mazar-i-Sharif', 'Jalalabad': 'Jalalabad', 'Sanaa': 'Sanaa', 'Mukalla': 'Mukalla', 'Taiz': 'Taiz',
  'Deir ez-Zor': 'Deir el-Zour', 'Latakia': 'Latakia', 'Homs': 'Homs', 'Ahvaz': 'Ahvaz', 'Oroumiyeh': 'Urmia',
  'Torbat-e Heydariyeh': 'Torbat-e Heydarieh', 'Madinat Hamad': 'Hamad Town'
}

// Alternate names that are English words or other places are never variants;
// GeoNames' English dictionary check needs a word list.
const dictionary = readFileSync(new URL('../node_modules/dictionary-en/index.dic', import.meta.url), 'utf8')
const english = new Set(
  dictionary
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0].toLowerCase())
)

// Alternate names that are something else in English text: a river, a writer.
const DENY = new Set(['Mosel', 'Musil', 'Sano', 'Sanao', 'Sabah', 'Aden', 'Salem', 'Tyr', 'Sur', 'Homes', 'Hamma', 'Medinah'])

// Other spellings in common, correct use (official or house forms).
const ACCEPT = {Medina: ['Medinah', 'Madinah'], Mecca: ['Makkah'], Sanaa: ["Sana'a"], Basra: ['Basrah'], Raqqa: ['Raqqah'], Misrata: ['Misurata'], Fez: ['Fes'], Marrakech: ['Marrakesh']}

// Countries whose place names reach English through Arabic (and Persian).
const ARABIC = new Set(['AE', 'BH', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'YE'])
const loose = (text) => nameKey(text).replaceAll('d', 'z').replace(/V$/, '')

const ascii = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019\u02BC\u02BB\u02BF\u02BE]/g, "'")
const plain = (text) => /^[A-Za-z][A-Za-z' -]*$/.test(text)

const rows = readFileSync(input, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cells) => cells.length >= 7 && Number(cells[6]) >= MIN_POPULATION && cells[5] !== 'PPLX')
  .sort((a, b) => Number(b[6]) - Number(a[6]))

// Letters of Arabic script as the transliteration key writes them; و and ي
// (consonant or long vowel), alif, hamza, ayn and ta marbuta are left out.
const ARABIC_LETTERS = {
  'ب': 'b', 'ت': 't', 'ث': 'z', 'ج': 'j', 'ح': 'h', 'خ': 'h', 'د': 'd', 'ذ': 'z', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh',
  'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'k', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ک': 'k', 'گ': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'پ': 'b', 'چ': 'sh', 'ژ': 'z'
}
const collapse = (text) => text.replace(/(.)\1+/g, '$1')
// ض and ظ reach English as d, dh or z alike: one class for the comparison.
const dz = (text) => text.replaceAll('d', 'z')
/** Consonants of an Arabic-script name, article and weak letters dropped. */
const arabicSkeleton = (text) =>
  collapse(dz(text.split(/\s+/).map((word) => word.replace(/^ال/, '')).join('').split('').map((c) => ARABIC_LETTERS[c] ?? '').join('')).replace(/h$/, ''))
/** Consonants of a Latin name, the same way. */
const latinSkeleton = (text) =>
  collapse(dz(nameWords(text).map(wordKey).join('').replace(/[Vwy]/g, '')).replace(/h$/, ''))
/** What is left of a spelling once house-style matters are set aside. */
const houseLetters = (text) =>
  nameWords(text)
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    // A doubled consonant is a house matter (Hasan, Hassan); a doubled vowel is not (Karbalaa).
    .replace(/([^aeiou])\1+/g, '$1')
    .replace(/([aeiou])h$/, '$1')
const ROMANISATION_MARKS = /[āīūḥḩṭţḍḑẓṣşʿʾ]|z̧/iu

// Arabic-script alternates GeoNames gives that are not the town's name (a
// neighbouring town, a province, a common word): never romanised into variants.
const ADMINISTRATIVE = /(^|\s)(ولاية|محافظة|شعبية|مدينة|استان|ناحية|إمارة|قرية|قصبه|جزيرة|بلد|بوابة)(\s|$)/u
const NOT_ARABIC_NAMES = {
  Chlef: ['أورليانفيل', 'كاستيليوم تانجيتانيوم', 'كستلم تنجيتانم'],
  'El Achir': ['اليشير'],
  'El Obeid': ['الأبي'],
  Kosti: ['ربك'],
  Mohammedia: ['الهراويين'],
  Settat: ['سلطات'],
  Skikda: ['فيليبفيل'],
  Soran: ['ديانا'],
  'Khartoum North': ['بحري'],
  'Bou Saada': ['بوابة الصحراء'],
  // Saudi official English writes the honorific forms itself (Makkah Al-Mukarramah).
  Mecca: ['مكة المكرمة'],
  Medina: ['المدينة المنورة', 'المدينة المنوره']
}

const places = new Map()
for (const [, name, asciiName, alternates, country] of rows) {
  const geonamesName = ascii(name)
  const override = Object.hasOwn(AP, geonamesName) ? AP[geonamesName] : Object.hasOwn(AP, asciiName) ? AP[asciiName] : undefined
  if (override === null) continue // a district or a name with no English use
  const english_ = override ?? geonamesName
  if (!plain(english_.replace(/\d+/g, 'x')) || /\b(City|Branch|Park|Marina|Bay|West|East|New)\b/.test(english_) && !override) continue
  if (places.has(english_)) continue // the larger of two places with one name
  const all = [name, asciiName, ...alternates.split(',')].map((raw) => raw.trim()).filter(Boolean)
  // Alternates GeoNames also writes with Arabic romanisation's diacritics.
  const romanised = new Set(all.filter((raw) => ROMANISATION_MARKS.test(raw)).map(ascii))
  // Names in Arabic script, not Persian or Urdu (which write the English
  // name: لکسر), except in Iran, whose own names are Persian.
  const arabic = new Set(
    all
      .filter((raw) => /\p{Script=Arabic}/u.test(raw) && (country === 'IR' || !/[کگپچژیٹڈڑںھے]/u.test(raw)))
      .map(arabicSkeleton)
      .filter((skeleton) => skeleton.length >= 2)
  )
  const accept = new Set()
  const variants = new Set()
  const suggest = new Set()
  const raw_ = new Set()
  for (const raw of all) {
    const variant = ascii(raw)
    if (plain(variant)) raw_.add(variant)
    if (!plain(variant) || variant === english_ || variant.length < 4) continue
    if (!/^[A-Z]/.test(variant)) continue
    if (DENY.has(variant)) continue
    if (!variant.includes(' ') && english.has(variant.toLowerCase())) continue
    const sameKey = loose(variant) === loose(english_)
    if (sameKey && houseLetters(variant) === houseLetters(english_)) accept.add(variant)
    // A spelling of the name's own consonants is a romanisation of the Arabic
    // only if GeoNames also writes it with the marks of one (Dumyāṭ).
    else if (sameKey && romanised.has(variant) && ARABIC.has(country)) variants.add(variant)
    else if (sameKey) suggest.add(variant)
    // The Arabic name where English has another (Al Uqsur for Luxor): the
    // consonants of the Arabic-script name, written with the article.
    else if (ARABIC.has(country) && /^(Al|El|Ad|Ar|As|Ash|At|Az|An)[ -]/.test(variant) && arabic.has(latinSkeleton(variant)) && latinSkeleton(variant).length >= 3) variants.add(variant)
  }
  // The Arabic-script name where English has another (وهران, Oran): the
  // names rule reads its romanisations as variants. Where the English name is
  // itself a romanisation of it, the key finds the garbles already.
  const arabicNames = new Set(
    all.filter((raw) => /^[\u0600-\u06FF ]+$/u.test(raw) && !/[کگپچژیٹڈڑںھےہەۆێڵڕۇۈۋې]|^ئ|ى\S/u.test(raw) && ARABIC.has(country) && country !== 'IR')
      // Names of the province or emirate rather than the town, and nicknames.
      .filter((raw) => !ADMINISTRATIVE.test(raw) && !(NOT_ARABIC_NAMES[english_] ?? []).includes(raw))
      .map((raw) => raw.normalize('NFC').replace(/[\u064B-\u065F\u0670\u0640]/g, '').trim())
      .filter((raw) => {
        const pattern = arabicPattern(raw)
        return pattern !== undefined && ![english_, ...accept, ...(ACCEPT[english_] ?? [])].some((form) => pattern.pattern.test(nameKey(form)))
      })
  )
  places.set(english_, {name: english_, country, accept, variants, suggest, arabic: [...arabicNames].sort(), raw: raw_})
}

// An alternate written for two places belongs to the one in an Arabic-speaking
// country if there is exactly one such, else to neither.
const owners = new Map()
for (const place of places.values()) {
  for (const variant of place.raw) {
    if (!owners.has(variant)) owners.set(variant, [])
    owners.get(variant).push(place)
  }
}
for (const place of places.values()) {
  for (const list of [place.accept, place.variants, place.suggest]) {
    for (const variant of [...list]) {
      const all = owners.get(variant) ?? []
      const arabic = all.filter((owner) => ARABIC.has(owner.country))
      const keep = all.length <= 1 || (arabic.length === 1 && arabic[0] === place)
      if (!keep || places.has(variant)) list.delete(variant)
    }
  }
}

const quote = (text) => (/^[A-Za-z][A-Za-z0-9 -]*$/.test(text) && !/^(yes|no|on|off|true|false|null)$/i.test(text) ? text : JSON.stringify(text))
const lines = [
  '# yaml-language-server: $schema=./schema.json',
  '# Generated by scripts/generate-places.mjs from GeoNames (geonames.org, CC-BY 4.0). Do not edit by hand:',
  '# change the script (or add house spellings in a gazetteer of your own) and run it again.',
  'gazetteer: places',
  'description: Cities of the Middle East and North Africa with 100,000 people or more, in their English (AP) spelling.',
  'credit: GeoNames, geonames.org (CC-BY 4.0)',
  'kind: place',
  'entities:'
]
for (const place of [...places.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  const accepted = [...new Set([...(ACCEPT[place.name] ?? []), ...[...place.accept].sort()])]
  const taken = new Set(accepted)
  // One spelling per canonical form: case, hyphen and space do not matter to the matcher.
  const canonical = (text) => text.toLowerCase().replace(/[\s-]+/g, ' ')
  const seen = new Set(accepted.map(canonical))
  const once = (list) => list.sort().filter((variant) => !seen.has(canonical(variant)) && seen.add(canonical(variant)))
  const variants = once([...place.variants].filter((variant) => !taken.has(variant)))
  const suggest = once([...place.suggest].filter((variant) => !taken.has(variant)))
  const field = (key, list) => (list.length > 0 ? `, ${key}: [${list.map(quote).join(', ')}]` : '')
  lines.push(`  - {name: ${quote(place.name)}, country: ${place.country}${field('variants', variants)}${field('accept', accepted)}${field('suggest', suggest)}${field('arabic', place.arabic)}}`)
}
writeFileSync(output, `${lines.join('\n')}\n`)
console.log(`wrote ${places.size} places to ${output}`)
