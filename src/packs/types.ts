import type {Severity} from '../engine/types.js'

/** One example of an entry at work: `in` must become `out`. */
export interface PackExample {
  in: string
  out?: string
}

export type {SourcePlace} from '../infra/yaml-data.js'
import type {SourcePlace} from '../infra/yaml-data.js'

interface EntryBase {
  id: string
  note: string
  link?: string
  severity?: Severity
  examples: PackExample[]
  keep?: string[]
}

/**
 * Context that switches an entry off: a listed word among the three words
 * after (or before) the match. An item `#number` stands for any numeral
 * (digits or a number word), `#capitalized` for a capitalised word, `#ing` for a lower-case word ending in -ing.
 */
export interface Unless {
  next?: string[]
  previous?: string[]
}

/**
 * Context an entry needs: every condition given must hold.
 * `topic`: one of the words occurs anywhere in the text (a health story for
 * "injuries" → "infections"); `next`/`previous`: the word right after (or
 * before) the match is one of these (words or `#number`, `#capitalized`).
 */
export interface When {
  topic?: string[]
  next?: string[]
  previous?: string[]
}

/** A phrase with a known replacement: glossary terms and calques. */
export interface SubstitutionEntry extends EntryBase {
  type: 'substitution'
  match?: string | string[]
  replace?: string | string[]
  swap?: Record<string, string>
  fix?: 'auto' | 'suggest'
  case?: 'insensitive' | 'sensitive'
  accept?: string[]
  unless?: Unless
  when?: When
  /** Also catch unlisted garbles of a one-word replacement (see `garbleKeys`). */
  fuzzy?: boolean
}

/** A phrase that is flagged but has no single replacement. */
export interface ExistenceEntry extends EntryBase {
  type: 'existence'
  match: string | string[]
  suggest?: string | string[]
  case?: 'insensitive' | 'sensitive'
  accept?: string[]
  unless?: Unless
  when?: When
}

/** Where an artifact may stand. */
/**
 * Where an artifact may stand: `first-line` above the headline (the lines
 * at the very top), `head` between the headline and the first paragraph,
 * `run-in` at the start of the first paragraph, `line` anywhere on a line
 * of its own, `last-line`/`tail` in the block of lines after the last
 * paragraph, `trailing` after the last sentence on its line.
 */
export type ArtifactScope = 'first-line' | 'head' | 'run-in' | 'line' | 'last-line' | 'tail' | 'trailing'

/** Boilerplate the web page or the wire left in the text: deleted. */
export interface ArtifactEntry extends EntryBase {
  type: 'artifact'
  scope: ArtifactScope
  pattern: string | string[]
  /**
   * Strings (or `{list}` for each item of a list) of which the line must
   * contain one before the patterns are tried: a cheap test that spares
   * compiling and running large patterns on lines that cannot match.
   */
  needs?: string | string[]
  case?: 'insensitive' | 'sensitive'
  fix?: 'auto' | 'suggest'
}

/** Any entry of a pack. */
export type PackEntry = SubstitutionEntry | ExistenceEntry | ArtifactEntry

/** A rule pack as written in YAML, validated. */
export interface Pack {
  pack: string
  description: string
  lists?: Record<string, string[]>
  entries: PackEntry[]
  /** The file it was read from. */
  file: string
  /** Where a value of the pack (`['entries', 3, 'match']`) is written in the file. */
  locate: (path: Array<string | number>) => SourcePlace
}
