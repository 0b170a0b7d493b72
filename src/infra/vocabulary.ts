import {join} from 'node:path'
import {bundledFile} from './bundled-data.js'
import {PackError} from './pack-error.js'
import {RULES_DIRECTORY} from './paths.js'
import {parseYaml, readDataText} from './yaml-data.js'

/** The shipped word lists that rules read as data (titles, abbreviations, country words). */
export const WORD_LISTS_FILE = join(RULES_DIRECTORY, 'vocabulary', 'word-lists.yml')

let lists: Readonly<Record<string, unknown>> | undefined

/** The file's data, read once per process. */
function data(): Readonly<Record<string, unknown>> {
  if (lists) return lists
  // The browser's data holds the lists already parsed: its bundle has no YAML parser.
  const bundled = bundledFile('rules/vocabulary/word-lists.json')
  lists = (bundled === undefined ? (parseYaml(readDataText(WORD_LISTS_FILE, 'word list'), WORD_LISTS_FILE) ?? {}) : JSON.parse(bundled)) as Record<string, unknown>
  return lists
}

const isWords = (value: unknown): value is string[] => Array.isArray(value) && value.every((word) => typeof word === 'string')

/** The word list `name` of rules/vocabulary/word-lists.yml; a missing or malformed list is a broken install. */
export function wordList(name: string): readonly string[] {
  const value = data()[name]
  if (!isWords(value)) throw new PackError(WORD_LISTS_FILE, 1, 1, `\`${name}\` must be a list of words`)
  return value
}

/** The table `name` (key → words) of rules/vocabulary/word-lists.yml. */
export function wordTable(name: string): Readonly<Record<string, readonly string[]>> {
  const value = data()[name]
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every(isWords)) {
    throw new PackError(WORD_LISTS_FILE, 1, 1, `\`${name}\` must map keys to lists of words`)
  }
  return value as Record<string, string[]>
}

const sets = new Map<string, ReadonlySet<string>>()

/**
 * The word list `name` as a set, built on first use and kept for the process
 * (read lazily: the browser installs its data after the modules load).
 */
export function wordSet(name: string): ReadonlySet<string> {
  let set = sets.get(name)
  if (!set) {
    set = new Set(wordList(name))
    sets.set(name, set)
  }
  return set
}

/**
 * Read the file and build the set of each of its lists now, not at first
 * use: the startup snapshot's warm-up article is clean, and the rules that
 * read most lists (titles before a surname, before a non-breaking space) run
 * only on articles that have one; each run from the snapshot parsed the file
 * again (7 ms of a one-article run).
 */
export function loadWordLists(): void {
  for (const [name, value] of Object.entries(data())) if (isWords(value)) wordSet(name)
}
