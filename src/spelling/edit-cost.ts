/**
 * A weighted edit distance that makes the slips people and OCR make cheap:
 * doubled or dropped doubled letters, swapped neighbours, vowel confusions,
 * keys next to each other, letters that sound alike.
 */

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
/** Letters whose confusion costs least (see {@link substitutionCost}). */
export const VOWELS: ReadonlySet<string> = new Set('aeiouy')
/** Letters that stand for the same sound in some word (`nesessary`, `negociate`, `garantee`). */
const SOUND_ALIKE = new Set(['cs', 'ck', 'sz', 'iy', 'fv', 'gj', 'qk', 'mn', 'dt'].flatMap((pair) => [pair, pair[1]! + pair[0]!]))
/**
 * Slips at the first or last letter are rarer than inside a word, and there
 * an edit often makes another word form (`corporates`, `fatale`, `avascular`).
 */
const EDGE = 0.4

const adjacent = new Set<string>()
for (let row = 0; row < ROWS.length; row++) {
  const keys = ROWS[row]!
  for (let column = 0; column < keys.length; column++) {
    const key = keys[column]!
    const near = [keys[column - 1], keys[column + 1], ROWS[row - 1]?.[column], ROWS[row - 1]?.[column + 1], ROWS[row + 1]?.[column], ROWS[row + 1]?.[column - 1]]
    for (const other of near) if (other) adjacent.add(key + other)
  }
}

/** Cost of writing `b` where `a` was meant, `next` following. */
export function substitutionCost(a: string, b: string, next?: string, after?: string): number {
  if (a === b) return 0
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.6
  if (SOUND_ALIKE.has(a + b)) return 0.6
  // `negociation`: c and t sound alike before i and a vowel.
  if ((a + b === 'ct' || a + b === 'tc') && next === 'i' && after !== undefined && VOWELS.has(after)) return 0.6
  if (adjacent.has(a + b)) return 0.7
  return 1
}

/** Cost of a letter present in one word and missing from the other, between `before` and `after`. */
function gapCost(letter: string, before: string | undefined, after: string | undefined): number {
  // `dont` for don't: an apostrophe dropped.
  if (letter === "'") return 0.3
  if (letter === before || letter === after) return 0.4
  // `wich` for which, `tought` for thought: the h of a digraph.
  if (letter === 'h' && before !== undefined && 'cstwgp'.includes(before)) return 0.5
  // `garantee` for guarantee, `ecouraged` for encouraged: silent or nasal letters.
  if (VOWELS.has(letter) || letter === 'h' || letter === 'n' || letter === 'm') return 0.7
  return 0.9
}

/**
 * Weighted optimal-string-alignment distance from `typed` to `intended`
 * (both lower-case). Swapped neighbours cost 0.5.
 */
export function editCost(typed: string, intended: string): number {
  const n = typed.length
  const m = intended.length
  // Penalty for an edit at typed position i (0-based) or between i-1 and i.
  const edge = (i: number, gap: boolean) => (i === 0 || (gap ? i === n : i === n - 1) ? EDGE : 0)
  let previous2: number[] = []
  let previous: number[] = new Array<number>(m + 1).fill(0)
  for (let j = 1; j <= m; j++) previous[j] = previous[j - 1]! + gapCost(intended[j - 1]!, intended[j - 2], intended[j]) + edge(0, true)
  for (let i = 1; i <= n; i++) {
    const a = typed[i - 1]!
    const current: number[] = [previous[0]! + gapCost(a, typed[i - 2], typed[i]) + edge(i - 1, false)]
    for (let j = 1; j <= m; j++) {
      const b = intended[j - 1]!
      let best = previous[j - 1]! + (a === b ? 0 : substitutionCost(b, a, intended[j], intended[j + 1]) + edge(i - 1, false))
      best = Math.min(
        best,
        previous[j]! + gapCost(a, typed[i - 2], typed[i]) + edge(i - 1, false),
        current[j - 1]! + gapCost(b, intended[j - 2], intended[j]) + edge(i, true)
      )
      if (i > 1 && j > 1 && a === intended[j - 2] && typed[i - 2] === b) best = Math.min(best, previous2[j - 2]! + 0.5 + Math.max(edge(i - 2, false), edge(i - 1, false)))
      current.push(best)
    }
    previous2 = previous
    previous = current
  }
  return previous[m]!
}
