import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {bundledData} from '../infra/bundled-data.js'
import {cacheKey, sharedCache} from '../infra/cache.js'
import {holdForSnapshot} from '../infra/held.js'
import {WordSet} from '../infra/word-set.js'

/**
 * The Penn Treebank tags the needs-human patterns ask about. Closed classes
 * (determiners, pronouns, prepositions, auxiliaries) are listed in
 * `words.ts` instead: a short hand-made list is exact where a corpus
 * lexicon is noisy ("the" is tagged VBD there).
 */
export const TAGS = ['VB', 'VBP', 'VBD', 'VBN', 'VBZ', 'VBG', 'JJ', 'NN', 'NNS', 'RB'] as const
export type Tag = (typeof TAGS)[number]

/** Which tags a lower-case word can take. */
export interface Lexicon {
  has(word: string, tag: Tag): boolean
  /** Whether the word is known to the lexicon at all. */
  known(word: string): boolean
}

const require = createRequire(import.meta.url)

export type Compact = Record<Tag | 'ALL', string>

/** en-lexicon's words (lower-case, letters only) grouped by tag, as space-joined strings. */
function compactFromPackage(): Compact {
  const lexicon = (require('en-lexicon/dist/lexicon.js') as {default: Record<string, string>}).default
  const groups = Object.fromEntries([...TAGS, 'ALL'].map((tag) => [tag, [] as string[]])) as Record<Tag | 'ALL', string[]>
  const wanted = new Set<string>(TAGS)
  for (const [word, tags] of Object.entries(lexicon)) {
    if (!/^[a-z][a-z'-]*$/.test(word)) continue
    groups.ALL.push(word)
    for (const tag of tags.split('|')) if (wanted.has(tag)) groups[tag as Tag].push(word)
  }
  // Sorted, so a word set is built from each without sorting it again.
  return Object.fromEntries(Object.entries(groups).map(([tag, words]) => [tag, words.sort().join(' ')])) as Compact
}

let loaded: Lexicon | undefined

/** The lexicon's word lists per tag from postedit's cache, built from the package on a miss. */
export function compactFromCache(): Compact {
  const version = (JSON.parse(readFileSync(require.resolve('en-lexicon/package.json'), 'utf8')) as {version: string}).version
  const cache = sharedCache()
  const key = cacheKey('needs-human-lexicon', version, TAGS.join(','), 'sorted')
  let compact = cache.get(key) as Compact | undefined
  if (!compact || typeof compact.ALL !== 'string') {
    compact = compactFromPackage()
    cache.set(key, compact)
  }
  return compact
}

/**
 * en-lexicon's part-of-speech lexicon (MIT; some 110,000 words with every
 * tag each can take), loaded on first use and kept for the process. The
 * package's own module is a 2 MB object literal that costs several times
 * more to load than the space-joined word lists per tag kept in postedit's
 * cache, keyed by the package's version.
 */
export function loadLexicon(): Lexicon {
  if (loaded) return loaded
  const bundled = bundledData()
  const compact = bundled ? (bundled.lexicon as Compact) : compactFromCache()
  // Word sets, not Sets: a tag's Set was tens of thousands of heap objects,
  // which the startup snapshot rebuilt on every run.
  const sets = new Map<string, WordSet>()
  const setOf = (tag: Tag | 'ALL') => {
    let set = sets.get(tag)
    if (!set) {
      set = holdForSnapshot(new WordSet(compact[tag].split(' ')))
      sets.set(tag, set)
    }
    return set
  }
  loaded = {
    has: (word, tag) => setOf(tag).has(word),
    known: (word) => setOf('ALL').has(word)
  }
  return loaded
}
