import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {claimedRanges, report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import type {Finding} from '../engine/types.js'
import {perWordType} from '../engine/word-cache.js'
import {keyOf, type Atom} from '../infra/atoms.js'
import {isCapitalAt, isCapitalisedWord} from '../infra/capital-at.js'
import {gazetteerNameWords} from '../names/gazetteer.js'
import {entityIndex} from '../packs/entities.js'
import type {IsOff} from '../packs/find.js'
import {isKnownWord} from '../spelling/dictionary.js'
import {defineRule} from './meta.js'
import {isOffFor, rulesOf, type RuleOptions} from './options.js'

/**
 * Acronyms that are said as words (MERS, SARS, COVID) come back from Arabic
 * as words: ميرس is written back as `Myers`, `Meirs`, `MIRS` or `Meyers`.
 * Arabic writes the consonants and guesses the vowels, so the garble keeps
 * the acronym's consonants in order and changes only its vowels (and the
 * letter pairs Arabic script confuses: p/b, v/f, c/k).
 */
export const SPOKEN_ACRONYM_RULES = {
  spokenAcronym: defineRule({
    id: 'entities.spoken-acronym',
    description:
      'A listed acronym said as a word (MERS, SARS) written back from Arabic with other vowels (Myers-CoV, Meirs): fixed before -CoV, or when the article uses the acronym elsewhere and the word stands where a disease does.',
    fixable: true,
    severity: 'warning'
  })
} as const

/** The rule id of {@link SPOKEN_ACRONYM_RULES}. */
export const SPOKEN_ACRONYM = SPOKEN_ACRONYM_RULES.spokenAcronym.id

/**
 * A word's consonants as Arabic script keeps them: lower case, p/b, v/f and
 * c/k/q folded, vowels (y too) dropped, doubled letters made single.
 * `MERS`, `Myers`, `Meirs` and `MIERS` all give `mrs`.
 */
export const consonantKey = perWordType((word: string): string =>
  word
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/p/g, 'b')
    .replace(/v/g, 'f')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1')
)

/** Fewer consonants than this match too many words. */
const MIN_CONSONANTS = 3
/** A garble adds at most this many vowels to the acronym. */
const MAX_EXTRA_LETTERS = 3

/** Head nouns after a disease name: `MERS patients`, `the MERS outbreak`. */
const DISEASE_HEADS = new Set(
  'patient patients virus viruses outbreak outbreaks case cases infection infections infected epidemic epidemics pandemic coronavirus coronaviruses vaccine vaccines strain strains symptoms transmission deaths mortality'.split(' ')
)
const CONJUNCTIONS = new Set(['and', 'or'])

/** What the rule needs besides the text. */
export interface SpokenAcronymContext {
  isOff: IsOff
  /** Whether a word is English (dictionary or pack vocabulary). */
  isWord: (word: string) => boolean
  /** Whether a word is part of a known person's or place's name. */
  isName: (word: string) => boolean
  /** Ranges other rules already reported: left alone. */
  taken?: ReadonlyArray<[number, number]>
}

/** Listed acronyms said as words, by consonant key: those with a key long enough to act on. */
export function spokenAcronymIndex(acronyms: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const acronym of acronyms) {
    if (!/^[A-Z]{3,6}$/.test(acronym) || !/[AEIOU]/.test(acronym)) continue
    const key = consonantKey(acronym)
    if (key.length < MIN_CONSONANTS) continue
    const list = index.get(key) ?? []
    if (!list.includes(acronym)) list.push(acronym)
    index.set(key, list)
  }
  return index
}

const textOf = (atom: Atom | undefined) => atom?.text ?? ''

/** Atom keys of the listed acronyms, per list: an atom whose key is not one is no listed acronym. */
const listedKeys = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>()
function listedKeysOf(listed: ReadonlySet<string>): ReadonlySet<string> {
  let keys = listedKeys.get(listed)
  if (!keys) {
    keys = new Set([...listed].map(keyOf))
    listedKeys.set(listed, keys)
  }
  return keys
}

/**
 * Whether `start`..`end` overlaps one of `ranges`. A function of its own, not
 * a closure in the rule's loop: a closure over the loop's variables makes V8
 * allocate a context for every turn of the loop.
 */
function overlapsAny(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  for (const [from, to] of ranges) if (from < end && start < to) return true
  return false
}

/** Whether the atom at `at` is a listed acronym written as one (`SARS`). */
function isListedAcronym(atom: Atom | undefined, listed: ReadonlySet<string>): boolean {
  const text = textOf(atom)
  return text.length > 0 && listed.has(text)
}

/**
 * Whether the word at `at` stands where a disease does: before a disease
 * noun (`Myers patients`), or joined by and/or/comma to a listed acronym
 * (`SARS and Myers`, `the Meyers and SARS virus`).
 */
function inDiseaseSlot(source: string, atoms: readonly Atom[], at: number, listed: ReadonlySet<string>): boolean {
  const next = atoms[at + 1]
  if (next && (next.joint === 'space' || next.joint === 'hyphen') && DISEASE_HEADS.has(next.key)) return true
  const before = atoms[at - 1]
  const atom = atoms[at]!
  // `SARS, Myers` or `SARS and Myers`
  if (before && atom.joint === 'punctuation' && source.slice(before.end, atom.start).trim() === ',' && isListedAcronym(before, listed)) return true
  if (before && atom.joint === 'space' && CONJUNCTIONS.has(before.key) && before.joint === 'space' && isListedAcronym(atoms[at - 2], listed)) return true
  // `Myers and SARS` or `Myers, SARS`
  if (next && next.joint === 'space' && CONJUNCTIONS.has(next.key) && atoms[at + 2]?.joint === 'space' && isListedAcronym(atoms[at + 2], listed)) return true
  if (next && next.joint === 'punctuation' && source.slice(atom.end, next.start).trim() === ',' && isListedAcronym(next, listed)) return true
  return false
}

/**
 * The findings of the rule on one text. A capitalised word whose consonants
 * are those of exactly one listed spoken acronym, not more than three
 * letters longer, is the acronym garbled when `-CoV` follows it (a
 * coronavirus is named by its disease), or when the article writes the
 * acronym itself elsewhere and the word is no English word or name, or
 * stands where a disease does.
 */
export function checkSpokenAcronyms(index: ReadonlyMap<string, string[]>, listed: ReadonlySet<string>, source: string, atoms: readonly Atom[], context: SpokenAcronymContext): Finding[] {
  if (index.size === 0) return []
  const findings: Finding[] = []
  const taken = context.taken ?? []
  let written: Set<string> | undefined
  const writtenInText = () => {
    if (!written) {
      written = new Set()
      const keys = listedKeysOf(listed)
      for (const atom of atoms) {
        // The atom's key is the listed form's key when the atom is that form: only those are read.
        if (!keys.has(atom.key)) continue
        const text = textOf(atom)
        if (listed.has(text)) written.add(text)
      }
    }
    return written
  }
  for (let at = 0; at < atoms.length; at++) {
    const atom = atoms[at]!
    // Length, joints and the capital read in place first: most words are not sliced.
    if (atom.end - atom.start < 4 || atom.joint === 'joined' || atoms[at + 1]?.joint === 'joined' || !isCapitalAt(source, atom.start)) continue
    const word = textOf(atom)
    if (!isCapitalisedWord(word)) continue
    const candidates = index.get(consonantKey(word))
    if (!candidates || candidates.length !== 1) continue
    const acronym = candidates[0]!
    if (word.toUpperCase() === acronym || word.length > acronym.length + MAX_EXTRA_LETTERS) continue
    // The garble begins as the acronym does: `Myers` for MERS, not `Amres`.
    if (consonantKey(word[0]!) !== consonantKey(acronym[0]!) && word[0]!.toUpperCase() !== acronym[0]) continue
    if (overlapsAny(taken, atom.start, atom.end)) continue
    const next = atoms[at + 1]
    const beforeCoV = next?.joint === 'hyphen' && next.key === 'cov'
    let certain = beforeCoV
    if (!certain && writtenInText().has(acronym)) {
      const unknown = !context.isWord(word) && !context.isName(word) && !context.isName(word.charAt(0) + word.slice(1).toLowerCase())
      certain = unknown || inDiseaseSlot(source, atoms, at, listed)
    }
    if (!certain) continue
    findings.push({
      ruleId: SPOKEN_ACRONYM,
      reason: `Unexpected \`${word}\`, expected \`${acronym}\``,
      start: atom.start,
      end: atom.end,
      actual: word,
      expected: [acronym],
      severity: 'warning',
      note: beforeCoV
        ? `A coronavirus is named by its disease: \`${acronym}-CoV\`. Arabic writes the acronym as a word without its vowels, and machine translation guesses them back.`
        : `The article writes \`${acronym}\` elsewhere; here machine translation spelled the Arabic for it back with other vowels.`,
      fix: {start: atom.start, end: atom.end, text: acronym}
    })
  }
  return findings
}

/** Per entity index, per set of rules turned off: the spoken acronyms still on. */
const spokenIndexes = new WeakMap<object, Map<string, {index: Map<string, string[]>; listed: Set<string>}>>()

/**
 * Report listed acronyms said as words and written back from Arabic with
 * other vowels (`entities.spoken-acronym`): `Myers-CoV` → `MERS-CoV`.
 */
export default function retextPosteditSpokenAcronyms(options?: RuleOptions & {names?: string[]}) {
  const rules = rulesOf(options)
  const isOff = isOffFor(options?.disable)
  const offKey = JSON.stringify(options?.disable ?? [])
  // As the entities rule: the gazetteer's words as the processor's first check found them.
  let known: Pick<ReadonlySet<string>, 'has'> | undefined
  return (tree: Root, file: VFile): void => {
    if (isOff(SPOKEN_ACRONYM)) return
    const entities = entityIndex(rules)
    let byOff = spokenIndexes.get(entities)
    if (!byOff) spokenIndexes.set(entities, (byOff = new Map()))
    let spoken = byOff.get(offKey)
    if (!spoken) {
      const live = [...entities.acronyms].filter(([, pack]) => !isOff(pack)).map(([form]) => form)
      spoken = {index: spokenAcronymIndex(live), listed: new Set(entities.acronyms.keys())}
      byOff.set(offKey, spoken)
    }
    if (spoken.index.size === 0) return
    const names = (known ??= gazetteerNameWords(options?.names))
    const text = textIndex(tree, String(file.value))
    const context: SpokenAcronymContext = {isOff, isWord: isKnownWord, isName: (word) => names.has(word), taken: claimedRanges(file)}
    for (const found of checkSpokenAcronyms(spoken.index, spoken.listed, text.source, text.atoms, context)) report(file, found)
  }
}
