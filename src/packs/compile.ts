import type {Severity} from '../engine/types.js'
import {PackError} from '../infra/pack-error.js'
import {garbleKeys} from './garble-key.js'
import {PhraseMatcher} from './phrase-matcher.js'
import type {ArtifactScope, Pack, PackEntry} from './types.js'

/** What a phrase entry needs at match time. */
export interface PhraseRule {
  /** `pack.entry`. */
  id: string
  kind: 'substitution' | 'existence'
  autoFix: boolean
  caseSensitive: boolean
  unlessNext: ReadonlySet<string> | undefined
  unlessPrevious: ReadonlySet<string> | undefined
  /** Context the rule needs (`when`), lower-cased. */
  whenTopic: ReadonlySet<string> | undefined
  whenNext: ReadonlySet<string> | undefined
  whenPrevious: ReadonlySet<string> | undefined
  note: string
  link: string | undefined
  severity: Severity
}

/** A phrase in the matcher: a rule with the replacements for this phrase. */
export type PhraseValue =
  | {kind: 'rule'; rule: PhraseRule; replacements: string[]}
  /** A form that is right as it stands: nothing overlapping it is flagged. */
  | {kind: 'guard'; id: string; surface: string; caseSensitive: boolean}

/** A compiled boilerplate entry. */
export interface ArtifactRule {
  id: string
  scope: ArtifactScope
  patterns: RegExp[]
  /** Whether the patterns ignore case (then `needs` are lower case, and a line is compared lower-cased). */
  caseInsensitive: boolean
  /** The line must contain one of these before the patterns are tried (none: always tried). */
  needs: string[]
  autoFix: boolean
  note: string
  link: string | undefined
  severity: Severity
}

/** Packs compiled for matching: built once, used for every file. */
export interface RuleSet {
  phrases: PhraseMatcher<PhraseValue>
  artifacts: ArtifactRule[]
  /** Every entry by `pack.entry` id, with its pack. */
  entries: Map<string, {pack: string; entry: PackEntry}>
  /** Ids of the packs, in load order. */
  packs: string[]
  /** Words the packs write as correct: fed to the spelling rule. */
  vocabulary: Set<string>
  /** Garble key of each `fuzzy` entry's one-word replacement → the entries with it. */
  garbles: Map<string, Array<{rule: PhraseRule; replacement: string}>>
  /** Each pack's named lists, in load order (entity and acronym lists are read by `entities.ts`). */
  lists: Array<{pack: string; lists: Record<string, string[]>}>
}

const SLOT = /\{([a-z][a-z0-9-]*)\}/g
const NO_VALUES: Map<string, string> = new Map()
const MAX_EXPANSIONS = 100_000

/**
 * Fill `{list}` slots with every combination of list items. Returns pairs of
 * the filled text and the values chosen per slot, so that a replacement can
 * repeat them.
 */
export function expandSlots(text: string, lists: Record<string, string[]>): Array<{text: string; values: Map<string, string>}> {
  // Most phrases have no slot: skip the regular expression and the maps.
  if (!text.includes('{')) return [{text, values: NO_VALUES}]
  let results: Array<{text: string; values: Map<string, string>}> = [{text, values: new Map()}]
  const slots = [...new Set([...text.matchAll(SLOT)].map((m) => m[1]!))]
  for (const slot of slots) {
    const items = lists[slot] ?? []
    const next: typeof results = []
    for (const result of results) {
      for (const item of items) {
        const values = new Map(result.values).set(slot, item)
        next.push({text: result.text.replaceAll(`{${slot}}`, item), values})
      }
    }
    results = next
    if (results.length > MAX_EXPANSIONS) throw new Error(`more than ${MAX_EXPANSIONS} phrases from one entry`)
  }
  return results
}

/** `[optional words]`, or an optional ending written `(s)` right after a letter. */
const OPTIONAL = /\[([^\[\]]+)\]|(?<=\p{L})\(([\p{L}]+)\)/gu
const MAX_OPTIONAL = 6

/** Key of the n-th optional group with the same text: `[the]#0`, `(s)#1`. */
function optionalKeys(text: string): string[] {
  const seen = new Map<string, number>()
  return [...text.matchAll(OPTIONAL)].map((found) => {
    const count = seen.get(found[0]) ?? 0
    seen.set(found[0], count + 1)
    return `${found[0]}#${count}`
  })
}

const tidy = (text: string) => text.replace(/ {2,}/g, ' ').trim()

/**
 * Every form of a phrase with optional parts: `[the] central bank(s)` gives
 * four phrases. Returns each with the parts it kept, so that a replacement
 * with the same optional parts follows the match.
 */
export function expandOptional(text: string): Array<{text: string; kept: ReadonlySet<string>}> {
  if (!text.includes('[') && !text.includes('(')) return [{text, kept: new Set()}]
  const keys = optionalKeys(text)
  if (keys.length === 0) return [{text, kept: new Set()}]
  if (keys.length > MAX_OPTIONAL) throw new Error(`more than ${MAX_OPTIONAL} optional parts in one phrase`)
  const results: Array<{text: string; kept: ReadonlySet<string>}> = []
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    let group = 0
    const kept = new Set<string>()
    const form = text.replace(OPTIONAL, (_whole, words: string | undefined, ending: string | undefined) => {
      const on = (mask >> group) & 1
      if (on) kept.add(keys[group]!)
      group++
      return on ? (words ?? ending ?? '') : ''
    })
    results.push({text: tidy(form), kept})
  }
  return results
}

/** A replacement's optional parts set as the match's were (kept when the match has no such part). */
function fillOptional(text: string, kept: ReadonlySet<string>, matchKeys: ReadonlySet<string>): string {
  if (!text.includes('[') && !text.includes('(')) return text
  const keys = optionalKeys(text)
  let group = 0
  return tidy(
    text.replace(OPTIONAL, (_whole, words: string | undefined, ending: string | undefined) => {
      const key = keys[group++]!
      return !matchKeys.has(key) || kept.has(key) ? (words ?? ending ?? '') : ''
    })
  )
}

function fill(text: string, values: Map<string, string>): string {
  if (values.size === 0) return text
  return text.replace(SLOT, (whole, name: string) => values.get(name) ?? whole)
}

const escapeRegExp = (text: string) => text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')

/** `{place}` in an artifact pattern: one to three capitalised words. */
const PLACE = "\\p{Lu}[\\p{L}\\p{M}'\u2019.]*(?:[ -]\\p{Lu}[\\p{L}\\p{M}'\u2019.]*){0,2}"

/** `{person}`: one to four capitalised words, with the particles of Arabic names between them. */
const PERSON =
  "\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*(?: (?:(?:al|el|bin|ibn|bint|abu|bou|ben|de)[- ])?\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*){0,3}"

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)'
/** Months of the Hijri calendar, in the spellings wire services use. */
const HIJRI_MONTH =
  "(?:Muharram|Safar|Rabi['\u2019]?(?: |-)?(?:al-|ul-|al |ul )?(?:Awwal|Thani|Akhir|Akhar)|Jumad[ae](?: |-)?(?:al-|ul-|al |ul )?(?:Ula|Awwal|Akhira|Akhirah|Thani|Thaniyah)|Rajab|Sha['\u2019]?ban|Ramadan|Shawwal|Dhu(?: al-|l[- ]?| al )(?:Qa['\u2019]?dah?|Qi['\u2019]?dah?|Hijjah?))"
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.?)'
const DATE_PART = `(?:${WEEKDAY}|${MONTH}|${HIJRI_MONTH}|\\d{1,2}(?:st|nd|rd|th)?|\\d{4}(?: ?(?:AH|AD|CE|H)\\b)?)`
/** `{date}`: a written date with a month name (Gregorian or Hijri), or a numeric one. */
// Unbounded repeats: V8 unrolls a bounded repeat of a group, and these groups are large.
const DATE = `(?:(?:${DATE_PART},? )*(?:${MONTH}|${HIJRI_MONTH})(?:,? ${DATE_PART})*|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})`
/** `{time}`: a clock time, with AM/PM and a time zone if given. */
const TIME = '(?:\\d{1,2}[:.]\\d{2}(?: ?[AaPp]\\.? ?[Mm]\\.?)?(?: ?\\((?:GMT|UTC|local time|Mecca time|Makkah time)[^)]{0,10}\\)| (?:GMT|UTC)(?: ?[+-]\\d{1,2})?)?)'

/** Slots every artifact pattern may use without defining a list. */
export const BUILT_IN_SLOTS: Readonly<Record<string, string>> = {place: PLACE, person: PERSON, date: DATE, time: TIME}

function artifactSource(pattern: string, lists: Record<string, string[]>): string {
  return pattern.replace(SLOT, (whole, name: string) => {
    const items = lists[name]
    if (!items) return BUILT_IN_SLOTS[name] ?? whole
    return `(?:${[...items].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`
  })
}

/** Compile one artifact entry's patterns for its scope. */
function compileArtifact(patterns: string[], scope: ArtifactScope, flags: string, lists: Record<string, string[]>): RegExp[] {
  return patterns.map((pattern) => {
    const body = artifactSource(pattern, lists)
    switch (scope) {
      case 'trailing':
        // Words after the last sentence's closing mark, with the space before them.
        return new RegExp(`(?<=[.!?\u2026"\u201D'\u2019)\\]])([\\s\\u00A0]+(?:${body}))[\\s\\u00A0]*$`, flags)
      case 'run-in':
        // A credit at the start of the first paragraph, before the first word of its sentence.
        return new RegExp(`^(?:${body})(?=["\u201C\u2018'\\p{Lu}\\p{N}])`, flags)
      default:
        return new RegExp(`^(?:${body})$`, flags)
    }
  })
}

const normalizeSurface = (text: string) =>
  /^[\x20-\x26\x28-\x5F\x61-\x7E]*$/.test(text) && !text.includes('  ')
    ? text
    : text.normalize('NFC').replace(/[\u2019\u2018\u02BC`]/g, "'").replace(/\s+/g, ' ')

/** Form of `text` compared against a replacement or an accepted form. */
export function surfaceKey(text: string, caseSensitive: boolean): string {
  const normal = normalizeSurface(text)
  return caseSensitive ? normal : normal.toLowerCase()
}

/** A list from a YAML value that may be one string or several. */
const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value)

/** Each phrase with the replacements it shares with the others of its entry. */
function pairsOf(match: string | string[] | undefined, replace: string | string[] | undefined): Array<[string, string[]]> {
  const replacements = listOf(replace)
  return listOf(match).map((phrase) => [phrase, replacements])
}

/**
 * Compile packs into one rule set. A later pack's entry with the same
 * `pack.entry` id, or the same phrase, replaces the earlier one: that is how
 * a newsroom's pack overrides the defaults.
 */
export function compilePacks(packs: readonly Pack[]): RuleSet {
  const entries = new Map<string, {pack: string; entry: PackEntry; lists: Record<string, string[]>; source: Pack; index: number}>()
  for (const pack of packs) {
    pack.entries.forEach((entry, index) => {
      const id = `${pack.pack}.${entry.id}`
      entries.delete(id)
      entries.set(id, {pack: pack.pack, entry, lists: pack.lists ?? {}, source: pack, index})
    })
  }

  // The same phrase added twice stays twice; the matcher prefers the later one.
  const matcher = new PhraseMatcher<PhraseValue>()
  const garbles: RuleSet['garbles'] = new Map()
  const artifacts: ArtifactRule[] = []
  // Words are cut out only if a rule asks for the vocabulary.
  const correctForms: string[] = []
  const addWords = (text: string) => {
    correctForms.push(text)
  }

  for (const [id, {entry, lists, source, index}] of entries) {
    const severity: Severity = entry.severity ?? 'warning'
    if (entry.type === 'artifact') {
      const flags = entry.case === 'insensitive' ? 'iu' : 'u'
      artifacts.push({
        id,
        scope: entry.scope,
        patterns: compileArtifact([entry.pattern].flat(), entry.scope, flags, lists),
        caseInsensitive: entry.case === 'insensitive',
        needs: [entry.needs ?? []].flat().flatMap((need) => {
          // `{list}` alone or inside a string (`({outlet}`): one need per item; a name that is no list stays as written.
          const slots = [...need.matchAll(SLOT)].map((match) => match[1]!)
          const items = slots.length > 0 && slots.every((slot) => lists[slot]) ? expandSlots(need, lists).map(({text}) => text) : [need]
          return entry.case === 'insensitive' ? items.map((item) => item.toLowerCase()) : items
        }),
        autoFix: (entry.fix ?? 'auto') === 'auto',
        note: entry.note,
        link: entry.link,
        severity
      })
      continue
    }
    const caseSensitive = entry.case === 'sensitive'
    const wordSet = (words: string[] | undefined) => (words ? new Set(words.map((w) => w.toLowerCase())) : undefined)
    const rule: PhraseRule = {
      id,
      kind: entry.type,
      autoFix: entry.type === 'substitution' && entry.fix === 'auto',
      caseSensitive,
      unlessNext: wordSet(entry.unless?.next),
      unlessPrevious: wordSet(entry.unless?.previous),
      whenTopic: wordSet(entry.when?.topic),
      whenNext: wordSet(entry.when?.next),
      whenPrevious: wordSet(entry.when?.previous),
      note: entry.note,
      link: entry.link,
      severity
    }
    const pairs: Array<[string, string[]]> =
      entry.type === 'substitution' && entry.swap
        ? Object.entries(entry.swap).map(([phrase, replacement]) => [phrase, [replacement]])
        : pairsOf(entry.match, entry.type === 'substitution' ? entry.replace : entry.suggest)
    for (const [written, writtenReplacements] of pairs) {
      const forms = expandOptional(written)
      const matchKeys = new Set(forms.length > 1 ? optionalKeys(written) : [])
      for (const form of forms) {
        const pattern = form.text
        const replacements = matchKeys.size === 0 ? writtenReplacements : writtenReplacements.map((replacement) => fillOptional(replacement, form.kept, matchKeys))
        let expanded
        try {
          expanded = expandSlots(pattern, lists)
        } catch (error) {
          const place = source.locate(['entries', index])
          throw new PackError(source.file, place.line, place.column, (error as Error).message)
        }
        for (const {text, values} of expanded) {
          const filled = values.size === 0 ? replacements : replacements.map((replacement) => fill(replacement, values))
          for (const replacement of filled) addWords(replacement)
          matcher.add(text, {kind: 'rule', rule, replacements: filled}, {caseSensitive})
        }
      }
    }
    if (entry.type === 'substitution' && entry.fuzzy) {
      for (const replacement of new Set(pairs.flatMap(([, replacements]) => replacements))) {
        if (!/^[\p{L}]+$/u.test(replacement)) continue
        for (const key of garbleKeys(replacement)) {
          const list = garbles.get(key) ?? []
          if (!list.some((item) => item.replacement === replacement)) list.push({rule, replacement})
          garbles.set(key, list)
        }
      }
    }
    for (const written of entry.accept ?? []) {
      for (const {text: accepted} of expandOptional(written)) {
        addWords(accepted)
        matcher.add(accepted, {kind: 'guard', id, surface: surfaceKey(accepted, caseSensitive), caseSensitive})
      }
    }
  }

  // Organisations and brands listed for the entity rule are words the spelling rule accepts.
  for (const pack of packs) for (const form of [...(pack.lists?.entities ?? []), ...(pack.lists?.acronyms ?? [])]) addWords(form)

  let vocabulary: Set<string> | undefined
  return {
    phrases: matcher,
    artifacts,
    entries: new Map([...entries].map(([id, {pack, entry}]) => [id, {pack, entry}])),
    packs: [...new Set(packs.map((pack) => pack.pack))],
    garbles,
    lists: packs.map((pack) => ({pack: pack.pack, lists: pack.lists ?? {}})),
    get vocabulary() {
      if (!vocabulary) {
        vocabulary = new Set()
        for (const text of correctForms) {
          for (const word of text.match(/[\p{L}\p{M}]+(?:['\u2019-][\p{L}\p{M}]+)*/gu) ?? []) vocabulary.add(word)
        }
      }
      return vocabulary
    }
  }
}
