import {defineRule} from './meta.js'
import {wordSet} from '../infra/vocabulary.js'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import type {Finding} from '../engine/types.js'
import type {Atom} from '../infra/atoms.js'
import {isCommonWord, isEnglishWord} from '../names/english.js'
import {canonical, loadGazetteer, type Entity, type Gazetteer} from '../names/gazetteer.js'
import {isArticle, nameKey, nameWords} from '../names/key.js'
import {findMentions, type Mention} from '../names/match.js'
import {givenPart, sameGivenName} from '../names/given.js'
import {countryOfWord, isCountryWord} from '../names/countries.js'
import {isOffFor, type RuleOptions} from './options.js'
import {isCapitalAt} from '../infra/capital-at.js'
import {perOwnerAndWordType, perWordType} from '../engine/word-cache.js'
import type {NameStyle} from '../names/style.js'

/** The rules on names of people, places and groups. */
export const NAME_RULES = {
  variant: defineRule({
    id: 'names.variant',
    description: 'A known person, place or group spelled in a variant transliteration.',
    fixable: true,
    severity: 'warning'
  }),
  consistency: defineRule({
    id: 'names.consistency',
    description: 'One person, place or group spelled two ways in one article.',
    fixable: true,
    severity: 'info'
  }),
  style: defineRule({
    id: 'style.name',
    description: 'With a house style (`style: ap` or `reuters`): an accepted spelling of a name that is not the house spelling; a suggestion.',
    fixable: false,
    severity: 'info'
  })
} as const


/** Options of {@link retextPosteditNames}. */
export interface NamesOptions extends RuleOptions {
  /**
   * Gazetteer files or folders to use besides the shipped one (`'default'`).
   * A file marked `override: true` holds house spellings that replace the
   * shipped ones (default: `['default']`).
   */
  names?: string[]
  /**
   * House style for names (`ap` or `reuters`): an accepted spelling that is
   * not the house one gets a `style.name` suggestion. Default: none.
   */
  style?: NameStyle
}

export type {NameStyle} from '../names/style.js'

const VARIANT = NAME_RULES.variant.id
const CONSISTENCY = NAME_RULES.consistency.id
const STYLE = NAME_RULES.style.id

// Words before a surname that keep it a surname: titles, not first names.
const isSurnameTitle = (word: string) => wordSet('surname-titles').has(word)

// Countries whose place names reach English through Arabic or Persian: only
// their places are matched by transliteration key, not by listed variants alone.
// Somalia and Djibouti are Arab League states: Arab media name their people
// and towns through Arabic too (Mahmoud for the Somali Mohamud).
const KEYED_COUNTRIES = new Set(['AE', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE'])

// People whose names reach English through Arabic, Persian, Turkish or Hebrew.
const REGION = new Set([...KEYED_COUNTRIES, 'TR', 'IL'])

/**
 * Report people, places and groups spelled a way the wire services do not
 * (`names.variant`), and one entity spelled two ways in one article
 * (`names.consistency`). A fix is attached only when the entity is certain:
 * a full name, a listed or unambiguous place variant, or a surname whose
 * person the article or the sentence names.
 */
export default function retextPosteditNames(options?: NamesOptions) {
  const isOff = isOffFor(options?.disable)
  const gazetteer = loadGazetteer(options?.names ?? ['default'])
  return (tree: Root, file: VFile): void => {
    if (isOff(VARIANT) && isOff(CONSISTENCY) && (isOff(STYLE) || !options?.style)) return
    const index = textIndex(tree, String(file.value))
    for (const finding of checkNames(gazetteer, index.source, index.atoms, options?.style)) {
      if (!isOff(finding.ruleId)) report(file, finding)
    }
  }
}

/** A mention with the entity it was decided to name, and whether it is right. */
interface Decided {
  mention: Mention
  entity: Entity
  correct: boolean
}

/**
 * The findings of the names rule on one text (an article): exported for
 * tests and for callers without a unified pipeline.
 */
export function checkNames(gazetteer: Gazetteer, source: string, atoms: Atom[], style?: NameStyle): Finding[] {
  const mentions = findMentions(gazetteer, source, atoms)
  const lower = source.toLowerCase()
  // Entities the article names in full (rightly or not): they decide bare surnames.
  const named = new Set<Entity>()
  for (const mention of mentions) {
    const entity = mention.entities[0]!
    if (mention.type === 'full' && mention.entities.length === 1 && entity.kind === 'person' && givenNameFits(entity, mention.surface)) named.add(entity)
  }
  const decided: Decided[] = []
  const findings: Finding[] = []
  const verdictOf = verdictsOf(gazetteer)
  for (const mention of mentions) {
    const verdict = verdictOf(mention)
    if (verdict.accepted) {
      if (verdict.right) decided.push({mention, entity: verdict.right, correct: true})
      continue
    }
    const choice = choose(gazetteer, mention, atoms, source, lower, named)
    if (!choice) continue
    decided.push({mention, entity: choice.entity ?? mention.entities[0]!, correct: false})
    findings.push(variantFinding(mention, choice))
  }
  linkConsistency(decided, findings, source)
  const styled = style ? houseStyle(decided, style) : []
  findings.push(...styled)
  findings.push(...acceptedConsistency(decided, new Set(styled.map((finding) => finding.start))))
  // Only mentions decided to name a known entity take their words out of unknown names.
  findings.push(...unknownConsistency(gazetteer, source, atoms, decided.map((item) => item.mention)))
  return findings
}

/** Whether a mention's spelling is right as it stands, and the entity it is right for. */
interface Verdict {
  right: Entity | undefined
  accepted: boolean
}

/**
 * The verdict on a mention's spelling, cached per surface for one gazetteer:
 * a mention's entities and type follow from its surface alone (see
 * `findMentions`), and a text repeats its names.
 */
const verdictsOf = perOwnerAndWordType((mention: Mention) => mention.surface, judgeSpelling)

function judgeSpelling(gazetteer: Gazetteer, mention: Mention): Verdict {
  const form = canonical(mention.surface)
  const bare = form.normalize('NFD').replace(/\p{M}/gu, '')
  // Diacritics are not errors: António Guterres, Erdoğan.
  // A surname is right with or without its article when either form is accepted.
  const person = mention.type === 'short' || mention.entities.every((entity) => entity.kind === 'person')
  const stripped = person ? canonical(nameWords(mention.surface).join(' ')) : bare
  const right = mention.entities.find((entity) => entity.correct.has(form) || entity.correct.has(bare) || entity.correct.has(stripped))
  return {right, accepted: Boolean(right || gazetteer.correct.has(form) || gazetteer.correct.has(bare))}
}

/** The entity a variant names: `certain` when a fix may be applied. */
interface Choice {
  entity: Entity | undefined
  candidates: readonly Entity[]
  certain: boolean
}

function choose(gazetteer: Gazetteer, mention: Mention, atoms: Atom[], source: string, lower: string, named: Set<Entity>): Choice | undefined {
  let {entities} = mention
  const before = atoms[mention.first - 1]
  const after = atoms[mention.last + 1]
  const first = atoms[mention.first]!
  const neighbourBefore = before && (first.joint === 'space' || first.joint === 'hyphen') && isCapitalAt(source, before.start) && !isSurnameTitle(before.key) && !(before.sentenceStart && isCommonWord(before.key))
  const neighbourAfter = after && (after.joint === 'space' || after.joint === 'hyphen') && isCapitalAt(source, after.start)
  const words = mention.last - mention.first + 1
  if (mention.type === 'short') {
    // A capitalised word beside a surname makes it part of another name:
    // Turki al-Malki is not Nouri al-Maliki.
    if (neighbourBefore || neighbourAfter) return undefined
    if (isEnglishWord(mention.surface)) return undefined
    const present = entities.filter((entity) => named.has(entity))
    if (present.length === 1) return {entity: present[0], candidates: present, certain: true}
    // Names of people from outside the Arabic-speaking world, Iran, Turkey
    // and Israel rarely come through Arabic: their surnames are judged only
    // when the article names them in full. And a surname must be close to
    // the person's letter by letter, not only by key (Rihanna is not Rouhani).
    const close = entities.filter((entity) => REGION.has(entity.country ?? '') && entity.short.some((form) => distance(fineKey(mention.surface), fineKey(form)) <= 1))
    if (close.length === 0) return undefined
    entities = close
    // A nationality in the words just before the surname names someone of
    // another country: "Iranian commander Kazemi" is not Iraq's Kadhimi.
    const foreign = nationalityBefore(atoms, mention, lower)
    if (foreign !== undefined) entities = entities.filter((entity) => entity.country === foreign)
    if (entities.length === 0) return undefined
    const sentence = sentenceOf(atoms, mention, lower)
    const fitting = entities.filter((entity) => tiedBySentence(entity, sentence))
    if (fitting.length === 1) return {entity: fitting[0], candidates: fitting, certain: true}
    // Only a person the article is about is worth a suggestion.
    const plausible = entities.filter((entity) => entity.context.some((word) => hasPhrase(lower, word)))
    if (plausible.length === 0) return undefined
    return {entity: plausible.length === 1 ? plausible[0] : undefined, candidates: plausible, certain: false}
  }
  if (mention.type === 'skeleton') {
    // A place whose consonants alone match: fixed when it is as close as a
    // key garble and nothing else; never suggested otherwise.
    if (entities.length !== 1 || neighbourBefore || neighbourAfter || modifiesNoun(atoms, mention, source)) return undefined
    const place = entities[0]!
    if (place.kind === 'place' && !KEYED_COUNTRIES.has(place.country ?? '')) return undefined
    return closeByKey(gazetteer, mention, place, true) ? {entity: place, candidates: entities, certain: true} : undefined
  }
  if (mention.type === 'arabic') return arabicChoice(gazetteer, mention, atoms, source, Boolean(neighbourBefore || neighbourAfter))
  if (mention.type === 'loose') {
    // Vowels apart, the surname matches one person of the region: fix when
    // the article or the sentence is about that person, else suggest.
    // A different given name is a different person: Hossein is not Hassan.
    const regional = entities.filter((entity) => REGION.has(entity.country ?? '') && givenNameFits(entity, mention.surface))
    if (regional.length !== 1) return undefined
    const [entity] = regional
    const sentence = sentenceOf(atoms, mention, lower)
    // With the given name the person's, one context word in the sentence suffices.
    if (named.has(entity!) || entity!.context.some((word) => hasPhrase(sentence, word))) return {entity, candidates: regional, certain: true}
    if (!entity!.context.some((word) => hasPhrase(lower, word))) return undefined
    return {entity, candidates: regional, certain: false}
  }
  const form = canonical(mention.surface)
  const listed = entities.filter((entity) => entity.variants.has(form))
  if (listed.length === 1) {
    // A listed variant that stands inside a longer name is that name's business.
    if (words === 1 && (neighbourBefore || neighbourAfter)) return undefined
    if (listed[0]!.kind !== 'person' && modifiesNoun(atoms, mention, source)) return undefined
    // A one-word place variant that is also a person's name (Riad) needs a full name around it.
    if (words === 1 && listed[0]!.kind !== 'person' && gazetteer.personWords.has(mention.surface.toLowerCase())) return undefined
    return {entity: listed[0], candidates: listed, certain: true}
  }
  // A spelling listed as likely, not certain: at most a suggestion, and only
  // where it stands alone as a name.
  const likely = entities.filter((entity) => entity.suggest.has(form))
  if (listed.length === 0 && likely.length === 1) {
    if (neighbourBefore || neighbourAfter || modifiesNoun(atoms, mention, source)) return undefined
    // Fixed only when it is as close to the name as a garble found by key alone.
    const place = likely[0]!
    const keyed = place.kind !== 'place' || KEYED_COUNTRIES.has(place.country ?? '')
    return {entity: place, candidates: likely, certain: keyed && closeByKey(gazetteer, mention, place)}
  }
  const candidates = listed.length > 1 ? listed : entities
  if (candidates.length > 1) {
    // Several entities share the key: only the one the article names is meant.
    const present = candidates.filter((entity) => named.has(entity))
    if (present.length === 1) return {entity: present[0], candidates, certain: true}
    return undefined
  }
  const entity = candidates[0]!
  if (entity.kind === 'person') {
    // A full name of two or more words is certain when its given name is the
    // person's, up to the transliteration of that given name: Hasan Rouhani
    // is Hassan Rouhani, Hossein Rouhani is someone else.
    return words >= 2 && givenNameFits(entity, mention.surface) ? {entity, candidates, certain: true} : undefined
  }
  // A place word that qualifies a noun names a business or a family, not
  // the place: "Halab bakery".
  if (modifiesNoun(atoms, mention, source)) return undefined
  // The right name with an article it does not take: Al-Riyadh.
  if (entity.correct.has(canonical(nameWords(mention.surface).join(' '))) && !neighbourBefore && !neighbourAfter) {
    return {entity, candidates, certain: true}
  }
  // A place or group found by key alone: only in Arabic-speaking countries,
  // and only a word that can be nothing else.
  if (neighbourBefore || neighbourAfter) return undefined
  // A romanisation of the place's Arabic-script name (al-Qahira), in any country.
  const key = nameKey(mention.surface)
  const romanised = entity.arabic.some((item) => item.pattern.test(key)) ? arabicChoice(gazetteer, {...mention, type: 'arabic'}, atoms, source, false) : undefined
  if (romanised) return romanised
  if (entity.kind === 'place' && entity.country && !KEYED_COUNTRIES.has(entity.country)) return undefined
  return closeByKey(gazetteer, mention, entity) ? {entity, candidates, certain: true} : undefined
}

/**
 * A romanisation of a place's Arabic-script name (Wahran for Oran,
 * Tarablus for Tripoli). Fixed only when it can be nothing else: one
 * place has that Arabic name, it stands alone as a name, it writes at least
 * four consonants (three when it keeps the Arabic article, which a person's
 * name in English rarely does), no word of it is an English word, and a word
 * that is also a person's name is not part of a person's name elsewhere in
 * the article ("Hussein Wahran").
 */
function arabicChoice(gazetteer: Gazetteer, mention: Mention, atoms: Atom[], source: string, neighbour: boolean): Choice | undefined {
  if (mention.entities.length !== 1 || neighbour || modifiesNoun(atoms, mention, source)) return undefined
  const place = mention.entities[0]!
  const words = nameWords(mention.surface)
  const withArticle = words.length < mention.surface.split(/[\s\-\u2010\u2011]+/u).length
  const consonants = Math.min(...place.arabic.filter((item) => item.pattern.test(nameKey(mention.surface))).map((item) => item.consonants))
  if (!(consonants >= 4 || (consonants === 3 && withArticle))) return undefined
  if (words.join('').length < 5) return undefined
  for (const word of words) {
    if (isEnglishWord(word)) return undefined
    // The word as part of a person's name elsewhere in the article: a surname.
    if (words.length === 1 && partOfPersonName(atoms, source, word)) return undefined
    if (gazetteer.personWords.has(word.toLowerCase()) && !withArticle) return undefined
  }
  return {entity: place, candidates: [place], certain: true}
}

/** Whether `word` stands after another capitalised word somewhere in the text: part of a person's name. */
function partOfPersonName(atoms: Atom[], source: string, word: string): boolean {
  const lower = word.toLowerCase()
  for (let i = 1; i < atoms.length; i++) {
    if (atoms[i]!.key !== lower) continue
    // Skip the article: "Hussein al-Wahrani".
    let j = i - 1
    if (isArticle(atoms[j]!.key) && j > 0) j--
    if (isCapitalAt(source, atoms[j]!.start) && !isSurnameTitle(atoms[j]!.key) && !isCommonWord(atoms[j]!.key)) return true
  }
  return false
}

/**
 * Whether a place or group spelling found by key is close enough to the
 * entity's name to be that entity for certain: long enough for a key to mean
 * something, one letter-class from the name, the same last vowel, and no
 * word of it an English word or a person's name.
 */
function closeByKey(gazetteer: Gazetteer, mention: Mention, entity: Entity, shortName = false): boolean {
  const letters = nameWords(mention.surface).join('')
  if (letters.length < 5) return false
  // The spelling must be close to the name letter by letter too, not only by
  // key, and long enough for a key to mean something (Elvie is not Aley).
  if (distance(fineKey(mention.surface), fineKey(entity.name)) > 1) return false
  // A different last vowel is a different word: Baraka is a name, Baraki a
  // town; the -i of a nisba (ي) is not written or dropped by chance.
  if (finalVowel(mention.surface) !== finalVowel(entity.name)) return false
  // A short name (Duqm) counts only when its consonants alone matched.
  if (nameKey(entity.name).replaceAll(' ', '').length < (shortName ? 4 : 5)) return false
  const own = new Set([...entity.correct].flatMap((form) => form.split(' ')))
  for (const word of nameWords(mention.surface)) {
    if (own.has(word.toLowerCase())) continue
    if (isEnglishWord(word) || gazetteer.personWords.has(word.toLowerCase())) return false
  }
  return true
}

/** Whether the given names of `surface` are the person's, in one of the entity's spellings. */
function givenNameFits(entity: Entity, surface: string): boolean {
  const given = givenPart(surface)
  if (!given) return true
  const forms = [entity.name, ...entity.correct, ...entity.variants]
  let compared = false
  for (const form of forms) {
    const own = givenPart(form)
    if (!own) continue
    compared = true
    if (sameGivenName(given, own)) return true
  }
  return !compared
}

// Heads of names of businesses, families and buildings: "Halab bakery".
const NAMED_THINGS = new Set(
  'bakery bakeries restaurant restaurants cafe café shop shops store stores company companies co group club team family families clan tribe brand factory hotel street road avenue square mall pharmacy sweets bookshop bookstore gallery studio band label school'.split(' ')
)

/** Whether a place mention stands before a lower-case noun that makes it the name of something else. */
function modifiesNoun(atoms: Atom[], mention: Mention, source: string): boolean {
  const next = atoms[mention.last + 1]
  if (!next || next.joint !== 'space') return false
  const word = source.slice(next.start, next.end)
  return NAMED_THINGS.has(word.toLowerCase()) && !isCapitalAt(word, 0)
}

/** The region country a nationality word in the three words before a mention names. */
function nationalityBefore(atoms: Atom[], mention: Mention, lower: string): string | undefined {
  for (let i = mention.first - 1; i >= Math.max(0, mention.first - 3); i--) {
    const atom = atoms[i]!
    const country = countryOfWord(lower.slice(atom.start, atom.end))
    if (country) return country
    if (atom.sentenceStart) break
  }
  return undefined
}

/**
 * Whether a sentence ties a bare surname to `entity`: a role of the person
 * (a lower-case context word: "prime minister") or their group (a
 * capitalised one: "Hezbollah"), and besides it the person's country or group.
 */
function tiedBySentence(entity: Entity, sentence: string): boolean {
  let role = false
  let place = false
  let groups = 0
  for (const word of entity.context) {
    if (!hasPhrase(sentence, word)) continue
    if (isCountryWord(word, entity.country) || countryOfWord(word) === entity.country) place = true
    else if (entity.contextGroups.has(word)) groups++
    else role = true
  }
  return (role && (place || groups > 0)) || (groups > 0 && place) || groups > 1
}

/** A finer key than {@link nameKey}: vowels kept as three classes (a/e, i/y, o/u/w); cached per name, which a text repeats. */
const fineKey = perWordType(computeFineKey)

function computeFineKey(text: string): string {
  return nameWords(text)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/dh|th|z/g, 'z')
    .replace(/q|ck|c|k/g, 'k')
    .replace(/ou|oo|o|u|w/g, 'U')
    .replace(/ee|ie|i|y/g, 'I')
    .replace(/a|e/g, 'A')
    .replace(/(.)\1+/g, '$1')
    .replace(/Ah$/, 'A')
}

/** The vowel class a name ends in ('' after a consonant), with -eh/-ah read as -a. */
function finalVowel(text: string): string {
  const key = fineKey(text)
  const last = key.at(-1) ?? ''
  return /[AIU]/.test(last) ? last : ''
}

/** Levenshtein distance of two short strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]!
}

/** The lower-case sentence around a mention. */
function sentenceOf(atoms: Atom[], mention: Mention, lower: string): string {
  let start = mention.first
  while (start > 0 && !atoms[start]!.sentenceStart) start--
  let end = mention.last + 1
  while (end < atoms.length && !atoms[end]!.sentenceStart) end++
  return lower.slice(atoms[start]!.start, atoms[end - 1]!.end)
}

/** Whether `phrase` (lower case) stands in `text` as whole words. */
function hasPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1]
    const after = text[at + phrase.length]
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true
  }
  return false
}

/** The spelling of `entity` that fits where a variant stood: a surname for a surname. */
function replacementFor(entity: Entity, mention: Mention): string {
  if (mention.type !== 'short') return entity.name
  // Keep the article if the text had one: "Al-Kazemi" → "al-Kadhimi", "Kazemi" → "Kadhimi".
  const withArticle = nameWords(mention.surface).length < mention.surface.split(/[\s-]+/).length
  const short = entity.short.find((form) => nameKey(form) === nameKey(mention.surface)) ?? entity.short[0] ?? entity.name
  return withArticle ? short : nameWords(short).join(' ')
}

const KIND = {person: 'person', place: 'place', region: 'region', group: 'group'} as const

function variantFinding(mention: Mention, choice: Choice): Finding {
  const expected = (choice.entity ? [choice.entity] : choice.candidates).map((entity) => replacementFor(entity, mention))
  const unique = [...new Set(expected)]
  const entity = choice.entity
  const finding: Finding = {
    ruleId: VARIANT,
    reason: `Unexpected \`${mention.surface}\`, expected ${unique.map((form) => `\`${form}\``).join(' or ')}`,
    start: mention.start,
    end: mention.end,
    actual: mention.surface,
    expected: unique,
    severity: choice.certain ? 'warning' : 'info',
    note: entity
      ? `${entity.note ? `${entity.note} ` : ''}The ${KIND[entity.kind]} is spelled \`${entity.name}\` by AP and Reuters.${choice.certain ? '' : ' Check that the text means this one.'}`
      : 'Spelled like several known names: check which one the text means.'
  }
  if (choice.certain && unique.length === 1) finding.fix = {start: mention.start, end: mention.end, text: unique[0]!}
  return finding
}

/**
 * When the article also spells the entity the right way, a variant is an
 * inconsistency: say so and point to the right spelling.
 */
function linkConsistency(decided: Decided[], findings: Finding[], source: string): void {
  const firstRight = new Map<Entity, Mention>()
  for (const item of decided) if (item.correct && !firstRight.has(item.entity)) firstRight.set(item.entity, item.mention)
  if (firstRight.size === 0) return
  const locator = location(source)
  for (const item of decided) {
    if (item.correct) continue
    const right = firstRight.get(item.entity)
    if (!right) continue
    const finding = findings.find((f) => f.start === item.mention.start && f.ruleId === VARIANT)
    if (!finding || !finding.expected) continue
    const point = locator.toPoint(right.start)
    finding.ruleId = CONSISTENCY
    finding.note = `Also written \`${right.surface}\` at ${point ? `${point.line}:${point.column}` : `offset ${right.start}`}. ${finding.note ?? ''}`.trim()
    // The right spelling elsewhere does not make an uncertain mention the
    // same entity ("Aleppo" and "Halab bakery"): it stays a suggestion.
  }
}

/** A spelling as compared for style: no case, hyphens, diacritics or article forms. */
function plainForm(text: string): string {
  return canonical(nameWords(text).join(' '))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
}

/** Whether a right mention names the entity by its surname alone. */
function isShortMention(item: Decided): boolean {
  if (item.entity.kind !== 'person') return false
  if (item.mention.type === 'short') return true
  const form = plainForm(item.mention.surface)
  return nameWords(item.mention.surface).length === 1 || item.entity.short.some((short) => plainForm(short) === form)
}

/** The house spelling of an entity: its full name, or its surname for a surname. */
function houseForm(entity: Entity, style: NameStyle, short: boolean): string {
  const full = style === 'reuters' ? (entity.reuters ?? entity.name) : entity.name
  if (!short) return full
  if (style === 'reuters' && entity.reuters) return nameWords(entity.reuters).at(-1) ?? full
  return nameWords(entity.short[0] ?? full).join(' ')
}

/**
 * With a house style chosen, accepted spellings that are not the house's:
 * `style.name` suggestions, never fixes (the house may raise the severity).
 */
function houseStyle(decided: Decided[], style: NameStyle): Finding[] {
  const findings: Finding[] = []
  for (const item of decided) {
    if (!item.correct) continue
    const short = isShortMention(item)
    const house = houseForm(item.entity, style, short)
    // The article is a house matter for a full name, not for a surname
    // alone; diacritics and apostrophes are house matters for both.
    if (short ? nameWords(house).join(' ').toLowerCase() === nameWords(item.mention.surface).join(' ').toLowerCase() : canonical(house) === canonical(item.mention.surface)) continue
    findings.push({
      ruleId: STYLE,
      reason: `\`${item.mention.surface}\` is accepted, but ${style === 'ap' ? 'AP' : 'Reuters'} style writes \`${house}\``,
      start: item.mention.start,
      end: item.mention.end,
      actual: item.mention.surface,
      expected: [house],
      severity: 'info',
      note: `House style \`${style}\`: the ${KIND[item.entity.kind]} is spelled \`${house}\`.`
    })
  }
  return findings
}

/**
 * One entity written in two accepted spellings in one article ("Falluja"
 * and "Fallujah"): a suggestion toward the gazetteer's name when the
 * article uses it, else toward the spelling it uses first. Never a fix:
 * both spellings are right, only their mixture is not.
 */
function acceptedConsistency(decided: Decided[], styled: Set<number>): Finding[] {
  const byEntity = new Map<Entity, Decided[]>()
  // People are compared form by form of the same length ("Walid Moualem"
  // with "Walid Muallem", "Moualem" with "Muallem"): a shorter form is no
  // inconsistency (Tedros, Tedros Adhanom).
  const form = (item: Decided) => (item.entity.kind === 'person' ? `${nameWords(item.mention.surface).length}:${plainForm(item.mention.surface)}` : plainForm(item.mention.surface))
  const length = (item: Decided) => (item.entity.kind === 'person' ? nameWords(item.mention.surface).length : 0)
  for (const item of decided) {
    if (!item.correct) continue
    const list = byEntity.get(item.entity) ?? []
    list.push(item)
    byEntity.set(item.entity, list)
  }
  const findings: Finding[] = []
  for (const [entity, all] of byEntity) {
   for (const size of new Set(all.map(length))) {
    const list = all.filter((item) => length(item) === size)
    const forms = new Set(list.map(form))
    if (forms.size < 2) continue
    const preferred = list.find((item) => plainForm(item.mention.surface) === plainForm(entity.name)) ?? list[0]!
    const target = form(preferred)
    for (const item of list) {
      if (form(item) === target || styled.has(item.mention.start)) continue
      findings.push({
        ruleId: CONSISTENCY,
        reason: `Unexpected \`${item.mention.surface}\`, expected \`${preferred.mention.surface}\``,
        start: item.mention.start,
        end: item.mention.end,
        actual: item.mention.surface,
        expected: [preferred.mention.surface],
        severity: 'info',
        note: `Both spellings are accepted, but the article also writes \`${preferred.mention.surface}\` (offset ${preferred.mention.start}): one ${KIND[entity.kind]} should be spelled one way.`
      })
    }
   }
  }
  return findings
}

/**
 * Full names outside the gazetteer spelled two ways in one article
 * ("Mahmoud Khalil" and "Mahmud Khalil"): suggest the majority spelling.
 */
function unknownConsistency(gazetteer: Gazetteer, source: string, atoms: Atom[], mentions: Mention[]): Finding[] {
  const known = new Set<number>()
  for (const mention of mentions) {
    // A surname after a capitalised word belongs to another, unknown name.
    const before = atoms[mention.first - 1]
    if (mention.type === 'short' && before && atoms[mention.first]!.joint === 'space' && isCapitalAt(source, before.start)) continue
    for (let i = mention.first; i <= mention.last; i++) known.add(i)
  }
  const groups = new Map<string, Array<{start: number; end: number; surface: string}>>()
  const text = (k: number) => source.slice(atoms[k]!.start, atoms[k]!.end)
  for (let i = 0; i < atoms.length; i++) {
    // Runs of two or three capitalised words: a first name and a surname.
    let last = i
    if (!isCapitalAt(source, atoms[i]!.start) || known.has(i) || atoms[i]!.sentenceStart) continue
    while (last + 1 < atoms.length && atoms[last + 1]!.joint === 'space' && isCapitalAt(source, atoms[last + 1]!.start) && !known.has(last + 1)) last++
    // A title inside the run ends what comes before it: "Communications
    // Minister Amr Talaat" names Amr Talaat.
    let first = i
    for (let k = i; k < last; k++) if (isSurnameTitle(atoms[k]!.key)) first = k + 1
    const words = last - first + 1
    // A run with a common English word in it is a title-case phrase ("On March").
    let phrase = false
    if (words >= 2 && words <= 3) for (let k = first; k <= last && !phrase; k++) if (isCommonWord(text(k))) phrase = true
    if (words >= 2 && words <= 3 && !phrase) {
      const surface = source.slice(atoms[first]!.start, atoms[last]!.end)
      const key = nameKey(surface)
      if (key.length >= 8 && !gazetteer.full.has(key)) {
        const list = groups.get(key) ?? []
        list.push({start: atoms[first]!.start, end: atoms[last]!.end, surface})
        groups.set(key, list)
      }
    }
    i = last
  }
  const findings: Finding[] = []
  // A spelling whose every word the gazetteer knows from people's names.
  const knownName = (surface: string) => nameWords(surface).every((word) => gazetteer.personWords.has(word.toLowerCase()))
  for (const list of groups.values()) {
    const counts = new Map<string, number>()
    for (const item of list) counts.set(item.surface, (counts.get(item.surface) ?? 0) + 1)
    if (counts.size < 2 || new Set(list.map((item) => item.surface.toLowerCase())).size < 2) continue
    // Knowledge over majority: the one spelling made of known name words
    // wins; else the majority, and a tie goes to the spelling used first.
    const knownForms = [...counts.keys()].filter(knownName)
    const majority = knownForms.length === 1 ? knownForms[0]! : [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
    const first = list.find((item) => item.surface === majority)!
    for (const item of list) {
      if (item.surface === majority) continue
      findings.push({
        ruleId: CONSISTENCY,
        reason: `Unexpected \`${item.surface}\`, expected \`${majority}\``,
        start: item.start,
        end: item.end,
        expected: [majority],
        severity: 'info',
        note: `The article also writes \`${majority}\` (offset ${first.start}): one person should be spelled one way.`
      })
    }
  }
  findings.push(...surnameConsistency(source, atoms, knownName, groups))
  return findings
}

/**
 * A bare surname that the article also writes, another way, in the full name
 * of a person the gazetteer does not know ("Youcef Aouchiche … Aouchich
 * said"): a suggestion toward the full name's spelling.
 */
function surnameConsistency(source: string, atoms: Atom[], known: (surface: string) => boolean, groups: Map<string, Array<{start: number; end: number; surface: string}>>): Finding[] {
  const surnames = new Map<string, string>()
  for (const list of groups.values()) {
    for (const item of list) {
      const last = nameWords(item.surface).at(-1)
      if (!last) continue
      const key = nameKey(last)
      // Two spellings of one surname in full names: nothing sure to point to.
      if (surnames.has(key) && surnames.get(key) !== last) surnames.set(key, '')
      else surnames.set(key, last)
    }
  }
  const findings: Finding[] = []
  // No full name to compare with: no surname can differ from one (most articles).
  if (surnames.size === 0) return findings
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!
    // Capitals read in place: most words are not capitalised, and none is sliced for that.
    if (!isCapitalAt(source, atom.start) || atom.end - atom.start < 5) continue
    const word = atom.text
    // At a sentence start only a word that is no English word at all.
    if (atom.sentenceStart && isCommonWord(word)) continue
    // Only a word standing alone (or after a title), not inside a run of capitalised words.
    if ((atom.joint === 'space' || atom.joint === 'hyphen') && i > 0 && isCapitalAt(source, atoms[i - 1]!.start) && !isSurnameTitle(atoms[i - 1]!.key)) continue
    const next = atoms[i + 1]
    if (next && (next.joint === 'space' || next.joint === 'hyphen') && isCapitalAt(source, next.start)) continue
    const key = nameKey(word)
    const full = surnames.get(key)
    if (!full || full.toLowerCase() === word.toLowerCase() || key.length < 4) continue
    if (isEnglishWord(word) || isEnglishWord(full) || known(word)) continue
    // One letter class apart, with the same last vowel (Kante is not Kent).
    if (distance(fineKey(word), fineKey(full)) > 1 || finalVowel(word) !== finalVowel(full)) continue
    findings.push({
      ruleId: CONSISTENCY,
      reason: `Unexpected \`${word}\`, expected \`${full}\``,
      start: atom.start,
      end: atom.end,
      actual: word,
      expected: [full],
      severity: 'info',
      note: `The article writes the full name with \`${full}\`: one person should be spelled one way.`
    })
  }
  return findings
}
