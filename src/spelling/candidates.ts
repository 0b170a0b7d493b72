import {editCost, VOWELS} from './edit-cost.js'
import {commonNeighbours, frequency, lowerCaseFrequency} from './frequency.js'
import type {Speller} from './speller.js'

/** A dictionary word offered for an unknown one. */
export interface Candidate {
  word: string
  /** Weighted edit cost from the unknown word (see `editCost`). */
  cost: number
  /** SUBTLEXus count: how common the word is. */
  count: number
  /** Rank key, lower is better: cost less a bonus for common words. */
  score: number
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz'"
/** Further than this and a word is not offered at all. */
const MAX_COST = 1.6

/** Strings one edit (delete, swap, replace, insert) from `word`, which is lower-case from `from` on. */
export function oneEditAway(word: string, from: number, visit: (form: string) => void): void {
  for (let i = from; i <= word.length; i++) {
    const head = word.slice(0, i)
    const tail = word.slice(i)
    if (tail.length > 0) visit(head + tail.slice(1))
    if (tail.length > 1) visit(head + tail[1] + tail[0] + tail.slice(2))
    for (const letter of LETTERS) {
      if (tail.length > 0 && letter !== tail[0]) visit(head + letter + tail.slice(1))
      visit(head + letter + tail)
    }
  }
}

function rank(word: string, forms: Iterable<string>): Candidate[] {
  const typed = word.toLowerCase()
  const ranked: Candidate[] = []
  for (const form of forms) {
    const cost = editCost(typed, form.toLowerCase())
    if (cost > MAX_COST) continue
    const count = frequency(form)
    ranked.push({word: form, cost, count, score: cost - 0.12 * Math.log10(1 + count)})
  }
  return ranked.sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : 1))
}

/**
 * Dictionary words close to `word`, best first: every word one edit away,
 * common words two edits away, and the word's capitalised form. A
 * capitalised word (a name) keeps its capital and is only offered words
 * one edit away. Cached per word type in the speller, which never changes.
 */
export function candidatesFor(speller: Speller, word: string): Candidate[] {
  const cache = speller.candidateCache
  const cached = cache.get(word)
  if (cached) return cached
  const forms = new Set<string>()
  const capitalised = word[0] !== word[0]!.toLowerCase()
  const base = capitalised ? word : word.toLowerCase()
  const isNeighbour = speller.neighbourTest(base)
  oneEditAway(base, capitalised ? 1 : 0, (form) => {
    if (form.length > 0 && isNeighbour(form)) forms.add(form)
  })
  if (!capitalised) {
    const title = word[0]!.toUpperCase() + word.slice(1)
    if (speller.suggestable(title)) forms.add(title)
  }
  forms.delete(word)
  let ranked = rank(word, forms)
  // Two slips in one word (`beggining`) are rarer: look only when one slip explains nothing.
  if (!capitalised && word.length >= 5 && !ranked.some((candidate) => candidate.cost <= MISSPELLING_COST)) {
    ranked = rank(word, new Set([...forms, ...commonNeighbours(word, (form) => speller.suggestable(form))]))
  }
  cache.set(word, ranked)
  return ranked
}

/** Whether `form` is one of the strings {@link oneEditAway} makes of `word` from `from` on (not `word` itself). */
export function isOneEditFrom(word: string, form: string, from: number): boolean {
  if (form === word) return false
  let head = 0
  while (head < word.length && head < form.length && word[head] === form[head]) head++
  // The edit is at the first difference (or, for a deletion or insertion in a run of one letter, anywhere in the run).
  if (form.length === word.length - 1) {
    // A deletion: from `from` on, at the first difference or earlier in a run of the same letter.
    for (let at = Math.max(from, 0); at <= head && at < word.length; at++) if (word.slice(0, at) + word.slice(at + 1) === form) return true
    return false
  }
  if (form.length === word.length + 1) {
    for (let at = Math.max(from, 0); at <= head && at < form.length; at++) {
      if (LETTERS.includes(form[at]!) && form.slice(0, at) + form.slice(at + 1) === word) return true
    }
    return false
  }
  if (form.length !== word.length || head < from) return false
  // A replacement with one of the letters, or two neighbours swapped.
  if (word.slice(head + 1) === form.slice(head + 1) && LETTERS.includes(form[head]!)) return true
  return head + 1 < word.length && form[head] === word[head + 1] && form[head + 1] === word[head] && word.slice(head + 2) === form.slice(head + 2)
}

/**
 * The candidates {@link candidatesFor} gives a capitalised word (a name)
 * among the speller's own words (pack vocabulary, gazetteer names) and
 * `others`: for a caller that keeps only such candidates, the same list
 * without testing every neighbour against the dictionary. The speller's
 * part is cached per word type.
 */
export function nameCandidatesAmong(speller: Speller, word: string, others: readonly string[]): Candidate[] {
  const cache = speller.ownNeighbourCache
  let own = cache.get(word)
  if (!own) {
    const forms = new Set<string>()
    oneEditAway(word, 1, (form) => {
      if (form.length > 0 && form !== word && speller.isPersonal(form) && speller.suggestable(form)) forms.add(form)
    })
    own = [...forms]
    if (cache.size >= 100_000) cache.clear()
    cache.set(word, own)
  }
  const forms = new Set(own)
  for (const other of others) if (!forms.has(other) && other.length > 0 && isOneEditFrom(word, other, 1) && speller.suggestable(other)) forms.add(other)
  return rank(word, forms)
}

/** Words of the user's own list close to `word`, ranked like dictionary candidates. */
export function candidatesFrom(word: string, words: readonly string[]): Candidate[] {
  const lower = word.toLowerCase()
  const near = words.filter((form) => form !== word && Math.abs(form.length - word.length) <= 2 && editCost(lower, form.toLowerCase()) <= MAX_COST)
  return rank(word, near)
}

/** Merge ranked lists, best first, each word once. */
export function mergeCandidates(...lists: Candidate[][]): Candidate[] {
  const seen = new Set<string>()
  return lists
    .flat()
    .sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : 1))
    .filter((candidate) => !seen.has(candidate.word) && seen.add(candidate.word))
}

/** A one-edit slip of a common word: enough to call an unknown word a misspelling. */
export const MISSPELLING_COST = 0.9
/** Seen at least this often in SUBTLEXus (about 0.2 per million words): a common word. */
export const COMMON_COUNT = 10
/** How much worse than the best any other candidate must be for a fix. */
const CLEAR_MARGIN = 0.5
/** Shorter words have too many neighbours to be fixed blind. */
const MIN_FIX_LENGTH = 5

/** Words this long have few dictionary neighbours: see {@link isSoleSlip}. */
const SOLE_SLIP_LENGTH = 8
/** The vowels an unstressed syllable blurs (`liquifaction`, `electrolisis`, `livelyhoods`). */
const BLURRED = new Set(['e', 'i', 'y'])
/**
 * Letter patterns of romanised Arabic, Persian or Urdu (`ayatullahs`,
 * `mujahidin`, `madrasah`, `khalifa`, `qadi`, `fedayeen`): the vowels of such
 * words vary between outlets, so a vowel away from a dictionary form is
 * another spelling, not a slip.
 */
const ROMANISED = /ah|kh|dh|gh|q(?!u)|aa|ii|uu|(?:in|een|iyy?a)s?$/

/** `typed` is `intended` with one vowel dropped, or with one of e, i and y put for another. */
function isVowelSlip(typed: string, intended: string): boolean {
  if (intended.length === typed.length + 1) {
    for (let i = 0; i < intended.length; i++) {
      if (intended[i] !== typed[i]) return VOWELS.has(intended[i]!) && intended.slice(i + 1) === typed.slice(i)
    }
    return false
  }
  if (intended.length !== typed.length) return false
  let differs = -1
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === intended[i]) continue
    if (differs >= 0) return false
    differs = i
  }
  return differs >= 0 && BLURRED.has(typed[differs]!) && BLURRED.has(intended[differs]!)
}

/**
 * Whether the one word near `word` is what was meant though it is rare in
 * SUBTLEXus: a lower-case word of eight letters or more, itself never seen
 * there, whose only candidate is that word with a dropped vowel put back or
 * one of e, i and y put for another (`liquidty`, `liquifaction`,
 * `electrolisis`, `livelyhoods`). SUBTLEXus is film subtitles, which seldom
 * say the words of news (`liquidity` 3 times in 51 million words,
 * `livelihoods` 4); a long word has few neighbours, and these slips do not
 * change a morpheme (`macroscopy` is not `microscopy`). Romanised words,
 * whose vowels vary between outlets, are left alone, and the candidate must
 * occur in SUBTLEXus at least once, so no obscure dictionary entry is imposed.
 */
export function isSoleSlip(word: string, ranked: readonly Candidate[]): boolean {
  const [best, ...rest] = ranked
  if (best === undefined || rest.length > 0 || word.length < SOLE_SLIP_LENGTH || best.count === 0) return false
  const typed = word.toLowerCase()
  return frequency(word) === 0 && !ROMANISED.test(typed) && isVowelSlip(typed, best.word.toLowerCase())
}

/**
 * `word` is an agent noun written in -er(s) where `candidate`, the dictionary's
 * form, ends in -or(s) (`visiters`, `investers`, `collecter`): a slip, though
 * the stem plus -er(s) looks like a regular form of a known verb. Where both
 * spellings are right (`adviser`, `advisor`), the dictionary knows both and
 * the word is never asked about.
 */
function isAgentSlip(word: string, candidate: string): boolean {
  return /ers?$/.test(word) && candidate === word.replace(/er(s?)$/, 'or$1')
}

/** `word` is a known word with a regular ending added (`thrusted`, `fundraised`). */
function isInflectionOfKnown(speller: Speller, word: string): boolean {
  for (const ending of ['ed', 'd', 'ing', 'er', 'ers', 's', 'es', 'ly']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3 && speller.inDictionary(word.slice(0, -ending.length))) return true
  }
  return false
}

/**
 * The one replacement certain enough to apply without asking, if any: a
 * lower-case word of five letters or more, one cheap edit from a common
 * lower-case word (or the {@link isSoleSlip sole slip} of a long one), and
 * no other candidate nearly as close. `wich` (which, witch, wick) is never
 * fixed; `goverment` is.
 */
export function certainCandidate(speller: Speller, word: string, ranked: readonly Candidate[]): Candidate | undefined {
  const [best, ...rest] = ranked
  if (!best || word.length < MIN_FIX_LENGTH || word !== word.toLowerCase()) return undefined
  // Seen in 51 million words of real use, or a regular form of a known word
  // (`thrusted`): a rare word, not a slip, whatever it resembles. Not an
  // agent noun in -er whose dictionary form is in -or (`visiters`: visitors).
  if (lowerCaseFrequency(word) > 0 || (isInflectionOfKnown(speller, word) && !isAgentSlip(word, best.word))) return undefined
  if (best.word !== best.word.toLowerCase() || best.cost > MISSPELLING_COST || (best.count < COMMON_COUNT && !isSoleSlip(word, ranked))) return undefined
  // A rare word (`cording` beside according) does not make a common one doubtful.
  const rival = (other: Candidate) => other.count >= COMMON_COUNT || other.count * 100 >= best.count
  if (rest.some((other) => other.cost < best.cost + CLEAR_MARGIN && rival(other))) return undefined
  return best
}
