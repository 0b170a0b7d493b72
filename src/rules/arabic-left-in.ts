import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import type {Finding} from '../engine/types.js'
import {loadGazetteer, type Gazetteer} from '../names/gazetteer.js'
import {defineRule} from './meta.js'
import {isOffFor, type RuleOptions} from './options.js'

/**
 * Names machine translation copied in Arabic script (`visited القاهرة`) are
 * looked up among the Arabic forms of the gazetteer (countries, cities,
 * places and people written `arabic:`) and replaced with their English name
 * when exactly one entity has that form.
 */
export const ARABIC_LEFT_IN_RULES = {
  arabicScript: defineRule({
    id: 'names.arabic-script',
    description:
      'A name left in Arabic script that the gazetteer knows: replaced with its English name when exactly one entity is written so, else reported with the candidates.',
    fixable: true,
    severity: 'warning'
  })
} as const

/** The rule id of {@link ARABIC_LEFT_IN_RULES}. */
export const ARABIC_SCRIPT = ARABIC_LEFT_IN_RULES.arabicScript.id

/**
 * An Arabic form with what spelling does not change removed: short vowels
 * and other marks, the tatweel, the hamza forms of alif, final ى and ة.
 */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Proclitics Arabic writes onto a name: و and ف (and), then ب ل ك (in, to, like), with or without the article. */
const PROCLITICS = /^(?:[\u0648\u0641])?(?:[\u0628\u0644\u0643])?/

/** The forms of a run to look up: as written, without و/ف and a preposition, and without the article, each word by itself. */
function readings(run: string): string[] {
  const forms = new Set<string>([run])
  const stripped = run.replace(PROCLITICS, '')
  forms.add(stripped)
  // لل is ل + the article with its alif dropped.
  if (/^\u0644\u0644/.test(run)) forms.add(`\u0627${run.slice(1)}`)
  if (/^(?:[\u0648\u0641])?\u0628?\u0627\u0644/.test(run) || /^(?:[\u0648\u0641])?[\u0628\u0643]\u0627\u0644/.test(run)) forms.add(run.replace(/^(?:[\u0648\u0641])?[\u0628\u0643]?/, ''))
  return [...forms].filter((form) => form.length >= 2)
}

/** The article ال at the start of a form. */
const ARTICLE = /^\u0627\u0644/
/** The lookup key of a normalized form: without spaces, since names are written joined or apart (أبوظبي, أبو ظبي). */
const keyOf = (form: string) => form.replace(/ /g, '')

/** Normalized Arabic form → the English names of the entities written so. */
type ArabicIndex = Map<string, Set<string>>

/** One index per loaded gazetteer: a gazetteer edited and loaded again gets its own. */
const indexes = new WeakMap<Gazetteer, ArabicIndex>()

/**
 * The Arabic forms of the gazetteer of `specs`, indexed on first use (a text
 * without Arabic never pays for it), from the gazetteer the name rules load:
 * validated, cached across runs and held by the startup snapshot.
 */
export function arabicIndex(specs: readonly string[]): ArabicIndex {
  const gazetteer = loadGazetteer(specs)
  let index = indexes.get(gazetteer)
  if (index) return index
  index = new Map()
  for (const entity of gazetteer.entities) {
    for (const form of entity.arabicForms) {
      const key = keyOf(normalizeArabic(form))
      // Written with or without the article: الإسكندرية and إسكندرية.
      for (const variant of new Set([key, key.replace(ARTICLE, '')])) {
        if (variant.length < 2) continue
        const names = index.get(variant) ?? new Set<string>()
        names.add(entity.name)
        index.set(variant, names)
      }
    }
  }
  indexes.set(gazetteer, index)
  return index
}

// A run of Arabic letters and their marks (not digits or punctuation), words separated by single spaces.
const RUN = /[\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]+(?: [\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]+)*/g

/**
 * The findings of the rule on one text: each run of Arabic script whose
 * form (or its form without و, a preposition or the article) is the Arabic
 * name of gazetteer entities. One name is a fix; several are suggested.
 */
export function checkArabicLeftIn(index: ArabicIndex, source: string): Finding[] {
  const findings: Finding[] = []
  for (const match of source.matchAll(RUN)) {
    const run = normalizeArabic(match[0])
    let names: Set<string> | undefined
    for (const form of readings(run)) {
      names = index.get(keyOf(form)) ?? index.get(keyOf(form).replace(ARTICLE, ''))
      if (names) break
    }
    if (!names) continue
    const expected = [...names]
    const start = match.index
    const end = start + match[0].length
    const finding: Finding = {
      ruleId: ARABIC_SCRIPT,
      reason: `Unexpected untranslated \`${match[0]}\`, expected ${expected.map((name) => `\`${name}\``).join(' or ')}`,
      start,
      end,
      actual: match[0],
      expected,
      severity: 'warning',
      note: 'Machine translation copied a name it did not know in Arabic script; the gazetteer has its English name.'
    }
    if (expected.length === 1) finding.fix = {start, end, text: expected[0]!}
    findings.push(finding)
  }
  return findings
}

/**
 * Report names left in Arabic script that the gazetteer knows
 * (`names.arabic-script`), with their English name.
 */
export default function retextPosteditArabicLeftIn(options?: RuleOptions & {names?: string[]}) {
  const isOff = isOffFor(options?.disable)
  const specs = options?.names ?? ['default']
  return (_tree: Root, file: VFile): void => {
    if (isOff(ARABIC_SCRIPT)) return
    const source = String(file.value)
    if (!/\p{Script=Arabic}/u.test(source)) return
    // A text mostly in Arabic is not an English article: the typography rule says so once.
    const arabicLetters = source.match(/\p{Script=Arabic}/gu)?.length ?? 0
    const latinLetters = source.match(/\p{Script=Latin}/gu)?.length ?? 0
    if (arabicLetters > latinLetters) return
    for (const finding of checkArabicLeftIn(arabicIndex(specs), source)) report(file, finding)
  }
}
