import {entitiesOf, type Entity, type Gazetteer} from './gazetteer.js'
import {perOwnerAndWordType} from '../engine/word-cache.js'
import {atomize, type Atom} from '../infra/atoms.js'
import {ARTICLES, looseNameKey, nameKey, skeletonKey} from './key.js'
import {romanSkeleton} from './arabic-name.js'

/** A run of name words in the text that a gazetteer key matches. */
export interface Mention {
  start: number
  end: number
  /** The text as written. */
  surface: string
  /** Entities whose key it shares. */
  entities: readonly Entity[]
  /**
   * `full`: a whole name; `short`: a person's surname alone; `loose`: a full
   * name whose surname differs in its vowels; `skeleton`: a place whose
   * consonants alone match (a vowel added or dropped); `arabic`: a
   * romanisation of a place's Arabic-script name (Wahran for Oran).
   */
  type: 'full' | 'short' | 'loose' | 'skeleton' | 'arabic'
  /** Index of the first and last atom. */
  first: number
  last: number
}

// Lower-case words that stand inside names: articles, patronymics, particles.
const CONNECTORS = new Set(['bin', 'ibn', 'bint', 'ben', 'abu', 'von', 'der', 'de', 'di', 'le', 'ould'])

/** A capital letter at `offset` of `source`; ASCII without a regular expression (most words are). */
const CAPITAL = /\p{Lu}/uy
function isCapitalAt(source: string, offset: number): boolean {
  const code = source.charCodeAt(offset)
  if (code < 128) return code >= 65 && code <= 90
  CAPITAL.lastIndex = offset
  return CAPITAL.test(source)
}

/**
 * Whether an atom can stand inside a name. Article forms other than al/el
 * are English words too ("as", "at", "an"): they count only when hyphened
 * to the next word (as-Sadr) or capitalised inside a sentence (Ar Riyadh).
 */
function nameLike(atoms: Atom[], i: number, source: string): boolean {
  const atom = atoms[i]!
  // The rest of a word after an ayn apostrophe: Sana'a, Ya'alon, Hay'at.
  if (inWord(atom)) return true
  // The key is lower case already: the article set is looked up directly.
  if (atom.key === 'al' || atom.key === 'el' || CONNECTORS.has(atom.key)) return true
  if (ARTICLES.has(atom.key)) return atoms[i + 1]?.joint === 'hyphen' || (isCapitalAt(source, atom.start) && !atom.sentenceStart)
  return isCapitalAt(source, atom.start)
}

/** Whether an atom continues a word across an apostrophe (not a possessive 's). */
function inWord(atom: Atom): boolean {
  return atom.joint === 'apostrophe' && atom.key !== 's' && atom.key !== 't' && atom.key !== 'll' && atom.key !== 're' && atom.key !== 've' && atom.key !== 'd'
}

/** Whether atom `b` continues the name that atom `a` is part of. */
function joins(b: Atom): boolean {
  return b.joint === 'space' || b.joint === 'hyphen' || (b.joint === 'apostrophe' && b.key !== 's')
}

/**
 * Find the gazetteer names in a text's atoms, longest first, in one pass.
 * A match never starts or ends inside a longer match, so nothing is found
 * inside an already-correct longer form ("Kadhimi" in "al-Kadhimi").
 */
export function findMentions(gazetteer: Gazetteer, source: string, atoms: Atom[]): Mention[] {
  const mentions: Mention[] = []
  const lookUp = lookupOf(gazetteer)
  for (let i = 0; i < atoms.length; i++) {
    if (!nameLike(atoms, i, source)) continue
    // The longest run of name words from here.
    let limit = i
    while (limit + 1 < atoms.length && limit - i + 1 < gazetteer.maxWords + 1 && joins(atoms[limit + 1]!) && nameLike(atoms, limit + 1, source)) limit++
    for (let last = limit; last >= i; last--) {
      // A name ends on a capitalised word, not on an article.
      const tail = inWord(atoms[last]!)
      if ((!isCapitalAt(source, atoms[last]!.start) && !tail) || (ARTICLES.has(atoms[last]!.key) && !tail)) continue
      // One word (most runs) is the atom's own string, already hashed for every lookup of it.
      const surface = last === i ? atoms[i]!.text : source.slice(atoms[i]!.start, atoms[last]!.end)
      const found = lookUp(surface)
      if (!found) continue
      mentions.push({start: atoms[i]!.start, end: atoms[last]!.end, surface, entities: found.entities, type: found.type, first: i, last})
      i = last
      break
    }
  }
  return mentions
}

/** What a run of name words matches in a gazetteer. */
interface Lookup {
  entities: readonly Entity[]
  type: Mention['type']
}

/**
 * {@link matchOf} cached per surface for one gazetteer: the text repeats its
 * names, and a surface's match depends on its characters alone (its words
 * are the atoms of the surface itself).
 */
const lookupOf = perOwnerAndWordType((surface: string) => surface, matchOf)

/** The entities a run of name words matches, and how, or null. */
function matchOf(gazetteer: Gazetteer, surface: string): Lookup | null {
  const key = nameKey(surface)
  if (!key) return null
  const words = atomize(surface).length
  let entities = entitiesOf(gazetteer.full.get(key))
  let type: Mention['type'] = 'full'
  if (!entities && words <= 2) {
    entities = entitiesOf(gazetteer.short.get(key))
    type = 'short'
  }
  if (!entities && words >= 2) {
    const looseKey = looseNameKey(surface)
    entities = looseKey === undefined ? undefined : entitiesOf(gazetteer.loose.get(looseKey))
    type = 'loose'
  }
  if (!entities) {
    const skeleton = skeletonKey(surface)
    entities = skeleton === undefined ? undefined : entitiesOf(gazetteer.skeleton.get(skeleton))
    type = 'skeleton'
  }
  if (gazetteer.arabic.size > 0 && (!entities || type === 'full' || type === 'skeleton')) {
    const found = (gazetteer.arabic.get(romanSkeleton(surface)) ?? []).filter((item) => item.pattern.pattern.test(key)).map((item) => item.entity)
    // A romanisation of another place's Arabic name makes a key match
    // ambiguous (al-Nasira: Nazareth, not Nasiriyah).
    if (!entities) {
      if (found.length > 0) entities = [...new Set(found)]
      type = 'arabic'
    } else if (found.some((entity) => !entities!.includes(entity))) entities = [...new Set([...entities, ...found])]
  }
  return entities ? {entities, type} : null
}
