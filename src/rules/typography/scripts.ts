/**
 * Where the text leaves the Latin alphabet: runs of Arabic, Hebrew, Cyrillic,
 * CJK or other non-Latin script that a translation left behind. Several
 * typography checks skip what lies inside such a run, because that text is
 * flagged as a whole and must be translated, not tidied.
 */

/** A run of non-Latin words and what joins them. */
export interface ScriptRun {
  start: number
  end: number
  /** Unicode script of the run's first letter (`Arabic`, `Cyrillic`, …). */
  script: string
}

// A word of non-Latin letters; Greek is handled apart because single Greek
// letters are everyday symbols in English (IFN-γ, β-blocker, μm).
const FOREIGN_WORD = /(?:(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L})(?:(?![\p{Script=Latin}])[\p{L}\p{M}\u0640\u200C\u200D])*/uy
const CANDIDATE = /[^\x00-\u024F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]/g
// What may stand between two words of one untranslated phrase: spaces,
// punctuation, digits and bidi marks, but no Latin letter and no line break.
const JOINER = /^[ \t\u00A0\p{P}\p{N}\u200B-\u200F\u202A-\u202E\u2066-\u2069\u0640]{1,6}$/u
const SCRIPTS = ['Arabic', 'Hebrew', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Thai', 'Hangul', 'Hiragana', 'Katakana', 'Han', 'Ethiopic', 'Tamil']
const SCRIPT_TESTS = SCRIPTS.map((name) => [name, new RegExp(`^\\p{Script=${name}}`, 'u')] as const)
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/g
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}\-]/u

/** Name of the script of a letter (`Other` when not in the list above). */
export function scriptOf(letter: string): string {
  for (const [name, test] of SCRIPT_TESTS) if (test.test(letter)) return name
  return 'Other'
}

/**
 * Runs of non-Latin script in `source`, in order: maximal sequences of
 * foreign words with only spaces, punctuation or digits between them on one
 * line. A run spans its first letter to its last letter.
 */
export function foreignRuns(source: string): ScriptRun[] {
  const runs: ScriptRun[] = []
  let current: ScriptRun | undefined
  let from = 0
  // A cheap scan for characters outside Latin and general punctuation finds
  // where to try the (slower) script-aware word pattern.
  CANDIDATE.lastIndex = 0
  for (let candidate = CANDIDATE.exec(source); candidate; candidate = CANDIDATE.exec(source)) {
    if (candidate.index < from) continue
    FOREIGN_WORD.lastIndex = candidate.index
    const match = FOREIGN_WORD.exec(source)
    if (!match) continue
    const start = match.index
    const end = start + match[0].length
    from = end
    CANDIDATE.lastIndex = end
    const script = scriptOf(match[0])
    if (script === 'Greek' && !isGreekWord(source, start, end)) continue
    if (current && current.script === script && JOINER.test(source.slice(current.end, start))) {
      current.end = end
      continue
    }
    current = {start, end, script}
    runs.push(current)
  }
  return runs
}

// Greek counts as foreign only as a whole word of three letters or more,
// not glued to Latin letters or digits (TNFα, NF-κB, 5 μg stay symbols).
function isGreekWord(source: string, start: number, end: number): boolean {
  if (end - start < 3) return false
  const before = source[start - 1]
  const after = source[end]
  return !(before && LATIN_OR_DIGIT.test(before)) && !(after && LATIN_OR_DIGIT.test(after))
}

/** Whether most letters of `source` are not Latin: not an English text. */
export function isMostlyForeign(source: string, runs: readonly ScriptRun[]): boolean {
  if (runs.length === 0) return false
  let foreign = 0
  for (const run of runs) foreign += run.end - run.start
  if (foreign < 20) return false
  const latin = source.match(LATIN_LETTERS)?.length ?? 0
  return foreign > latin
}

/** Test for offsets inside one of `runs` (sorted, disjoint). */
export function insideRuns(runs: readonly ScriptRun[]): (offset: number) => boolean {
  return (offset) => {
    let low = 0
    let high = runs.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const run = runs[mid]!
      if (offset < run.start) high = mid - 1
      else if (offset >= run.end) low = mid + 1
      else return true
    }
    return false
  }
}
