/**
 * The class parse-latin gives one UTF-16 code unit: white space,
 * punctuation, word or symbol.
 *
 * parse-latin 7 tests every character (`String#charAt`, so one code unit,
 * a lone surrogate half for astral characters) against three regular
 * expressions it does not export. Instead of copying them, the class of a
 * code unit is asked of parse-latin itself, once per code unit per process:
 * its own `tokenize` on that single code unit returns one node whose type is
 * the class. The answer is exact by construction, for every version.
 */
import {ParseLatin} from 'parse-latin'

/** Class codes; 0 means "not asked yet". */
export const WHITE_SPACE = 1
export const PUNCTUATION = 2
export const WORD = 3
export const SYMBOL = 4

/** Node type of each class code. */
export const CLASS_TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const

const CODE_OF_TYPE: Readonly<Record<string, number>> = {WhiteSpaceNode: WHITE_SPACE, PunctuationNode: PUNCTUATION, WordNode: WORD, SymbolNode: SYMBOL}

/** Class of every code unit asked so far (64 KiB, filled lazily). */
const classes = new Uint8Array(0x10000)

/** A plain parse-latin whose upstream `tokenize` answers for one code unit. */
let probe: ParseLatin | undefined

/** Ask parse-latin the class of one code unit. */
function askParseLatin(code: number): number {
  probe ??= new ParseLatin()
  const [node] = ParseLatin.prototype.tokenize.call(probe, String.fromCharCode(code))
  const type = node ? CODE_OF_TYPE[node.type] : undefined
  if (type === undefined) throw new Error(`parse-latin gave no known class for U+${code.toString(16)}`)
  return type
}

/**
 * Class code of the code unit `code` (0–0xFFFF) as parse-latin sees it.
 * Cached: each code unit costs one upstream call per process.
 */
export function classOf(code: number): number {
  const known = classes[code]!
  if (known !== 0) return known
  const type = askParseLatin(code)
  classes[code] = type
  return type
}

// ASCII is in every text: ask for it up front so the scanner's hot path
// never misses (and the startup snapshot carries the answers).
for (let code = 0; code < 128; code++) classOf(code)

/**
 * Whether a code unit is a surrogate half. parse-latin lets a run of
 * punctuation or symbols go on across any surrogate half (its `surrogates`
 * expression, `/[\uD800-\uDFFF]/`, a fixed Unicode range).
 */
export function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}
