import {perWordType} from '../engine/word-cache.js'
import type {RuleSet} from './compile.js'

/**
 * Known organisations, brands and acronyms, indexed for the entity rule.
 *
 * Packs list them under `lists`: `entities` (standard English forms:
 * `Airbus`, `TotalEnergies`, `WhatsApp`, `Rolls-Royce`), `acronyms`
 * (organisation acronyms in capitals: `OPEC`, `KUNA`, `BNPL`) and
 * `not-acronyms` (real acronyms and capitalised words no acronym rule may
 * touch). The replacements of `orgs` and `terms` entries with a capital
 * letter join the entities, so an organisation listed once for its garbles is
 * also found split, joined or miscased.
 */
export interface KnownEntity {
  /** The standard form. */
  form: string
  /** Pack that lists it, so turning the pack off turns it off. */
  pack: string
  /** The form's letters and digits, lower case: `facebook` for Facebook and Face book. */
  squash: string
  /** How many words (runs of letters or digits) the form has. */
  atoms: number
}

/** The index the entity rule looks things up in, built once per rule set. */
export interface EntityIndex {
  /** Squashed form → the entities written that way. */
  bySquash: Map<string, KnownEntity[]>
  /** Sound skeleton (see {@link skeletonOf}) → single-word entities. */
  bySkeleton: Map<string, KnownEntity[]>
  /** Acronyms in capitals → the pack listing them. */
  acronyms: Map<string, string>
  /** Confusion key (see {@link acronymFold}) → acronyms with it. */
  acronymsByFold: Map<string, string[]>
  /** Capitalised tokens that are right as written: known acronyms, guards, entity forms. */
  guards: Set<string>
  /** The lower-case words of two- and three-word names, sorted and joined by spaces → those names. */
  byWords: Map<string, KnownEntity[]>
  /** Most words any entity has. */
  maxAtoms: number
}

/** The key of a name's words in any order: `aramco saudi` for Saudi Aramco. */
export const wordsKey = (words: readonly string[]) => [...words].sort().join(' ')
/** Words of a name that may be found in another order: capitalised, three letters or more, no article. */
const ORDERED_WORD = /^\p{Lu}\p{Ll}{2,}$/u
const ARTICLES = new Set(['Al', 'El', 'The', 'Of', 'And', 'For', 'Bank'])

/** The letters and digits of `text`, lower case, accents dropped. */
export function squashOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9&+]/g, '')
}

const SKELETON: Array<[RegExp, string]> = [
  [/ph/g, 'f'],
  [/ck|q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/x/g, 'ks'],
  [/p/g, 'b'],
  [/v/g, 'f'],
  [/g/g, 'j'],
  // Vowels Arabic does not write: MT picks one of a pair.
  [/ou|oo|o/g, 'u'],
  [/ee|ey|ei|ai|ay|e|y/g, 'i'],
  [/(.)\1+/g, '$1']
]

/**
 * A word's sound skeleton: the letters Arabic script makes machine
 * translation confuse folded together (p/b, v/f, c/k/q, g/j), the vowel pairs
 * it cannot tell apart merged (o/u, e/i/y, ai/ay/i) and doubled letters made
 * single. `Tawakkalna` and `Tawakalna` share one, as do `Ooredoo` and `Oredo`.
 */
export const skeletonOf = perWordType((word: string): string => {
  // A final e after a consonant is the French spelling's (Maghreb press): Covaxine.
  let key = squashOf(word).replace(/[^a-z]/g, '').replace(/(?<=.{4}[^aeiouy])e$/, '')
  for (const [from, to] of SKELETON) key = key.replace(from, to)
  return key
})

/**
 * An acronym's letters with the pairs folded that Arabic script confuses:
 * P/B, V/F, C/K/Q and G/J (`OBEC` and `OPEC` share `OBEK`).
 */
export function acronymFold(acronym: string): string {
  return acronym.replace(/P/g, 'B').replace(/V/g, 'F').replace(/[CQ]/g, 'K').replace(/G/g, 'J')
}

const isAcronym = (form: string) => /^[A-Z][A-Z0-9&]{1,7}$/.test(form) && /[A-Z].*[A-Z]/.test(form)
const atomCount = (form: string) => (form.match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []).length
/** Families whose entries name organisations and terms. */
const ENTITY_FAMILIES = new Set(['orgs', 'terms'])

const indexes = new WeakMap<RuleSet, EntityIndex>()

function push<T>(map: Map<string, T[]>, key: string, value: T, same: (a: T, b: T) => boolean): void {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.some((item) => same(item, value))) list.push(value)
}

/** Use `index` as the entity index of `rules` (one read back from a snapshot with them). */
export function rememberEntityIndex(rules: RuleSet, index: EntityIndex): void {
  indexes.set(rules, index)
}

/** The entity index of `rules`, built on first use. */
export function entityIndex(rules: RuleSet): EntityIndex {
  const cached = indexes.get(rules)
  if (cached) return cached
  const index: EntityIndex = {bySquash: new Map(), bySkeleton: new Map(), byWords: new Map(), acronyms: new Map(), acronymsByFold: new Map(), guards: new Set(), maxAtoms: 1}
  const sameForm = (a: KnownEntity, b: KnownEntity) => a.form === b.form
  const addEntity = (form: string, pack: string) => {
    const squash = squashOf(form)
    if (squash.length < 4) return
    const atoms = atomCount(form)
    const entity: KnownEntity = {form, pack, squash, atoms}
    push(index.bySquash, squash, entity, sameForm)
    index.maxAtoms = Math.max(index.maxAtoms, atoms)
    index.guards.add(form)
    const words = form.split(' ')
    if (words.length >= 2 && words.length <= 3 && words.every((word) => ORDERED_WORD.test(word) && !ARTICLES.has(word))) {
      push(index.byWords, wordsKey(words.map((word) => word.toLowerCase())), entity, sameForm)
    }
    if (!/\s/.test(form) && /^\p{L}/u.test(form) && squash.length >= 5) {
      const skeleton = skeletonOf(form)
      if (skeleton.length >= 4) push(index.bySkeleton, skeleton, entity, sameForm)
    }
  }
  const addAcronym = (form: string, pack: string) => {
    if (!isAcronym(form)) return
    if (!index.acronyms.has(form)) index.acronyms.set(form, pack)
    const letters = form.replace(/[^A-Z]/g, '')
    if (letters.length >= 3 && letters === form) push(index.acronymsByFold, acronymFold(form), form, (a, b) => a === b)
    index.guards.add(form)
  }
  for (const {pack, lists} of rules.lists) {
    for (const form of lists.acronyms ?? []) {
      addAcronym(form, pack)
      addEntity(form, pack)
    }
    for (const form of lists.entities ?? []) {
      addEntity(form, pack)
      if (isAcronym(form)) addAcronym(form, pack)
    }
    for (const form of lists['not-acronyms'] ?? []) index.guards.add(form)
  }
  // Replacements of organisation and term entries: proper forms of up to four words.
  for (const [id, {pack, entry}] of rules.entries) {
    if (entry.type !== 'substitution' || !ENTITY_FAMILIES.has(pack.split('.')[0]!)) continue
    const forms = [entry.replace ?? [], entry.swap ? Object.values(entry.swap) : [], entry.accept ?? []].flat()
    for (const form of forms) {
      if (form.includes('{') || !/\p{Lu}/u.test(form) || atomCount(form) > 4 || /^(?:the|The) /.test(form)) continue
      if (isAcronym(form)) {
        if (entry.case === 'sensitive') addAcronym(form, pack)
        index.guards.add(form)
      } else addEntity(form, id.slice(0, id.lastIndexOf('.')))
    }
  }
  indexes.set(rules, index)
  return index
}
