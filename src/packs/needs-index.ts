import type {ArtifactRule} from './compile.js'

/** Line texts whose answers are kept before the cache starts again: bounds memory on huge inputs. */
const MAX_ANSWERS = 4096

/** A needed string and the rule (by position) that needs it. */
interface Need {
  text: string
  rule: number
}

/**
 * Which boilerplate rules a line may match: those holding one of the
 * strings the rule needs. Looking each of a thousand needed strings up in
 * every line (`includes`) made most of the boilerplate rule's time; this
 * reads the line once, looking up the characters at each place in a table of
 * the needed strings' first four characters (two for the shortest: keyed by
 * two, the hundreds of outlet names that start `Al` were all compared at
 * every `Al` of an article). Built once per rule set.
 */
export class NeedsIndex {
  /** Position of each rule in the rule set's list. */
  private readonly positions = new Map<ArtifactRule, number>()
  /** Needs of case-sensitive rules by their first code units (see {@link keyAt}); of case-insensitive ones (lower case) apart. */
  private readonly exact: Table = newTable()
  private readonly lower: Table = newTable()
  /** Needs shorter than two code units, looked up whole. */
  private readonly short: Array<Need & {caseInsensitive: boolean}> = []
  private readonly hasLower: boolean
  /**
   * The answers per line text: every rule asks of a line in turn, and an
   * editor re-checking an article asks of the same lines again.
   */
  private readonly answers = new Map<string, Uint8Array>()

  constructor(private readonly rules: readonly ArtifactRule[]) {
    rules.forEach((rule, position) => {
      this.positions.set(rule, position)
      const table = rule.caseInsensitive ? this.lower : this.exact
      for (const text of rule.needs) {
        if (text.length < 2) {
          this.short.push({text, rule: position, caseInsensitive: rule.caseInsensitive})
          continue
        }
        table.starts[startKey(text, 0)] = 1
        const map = text.length >= 4 ? table.long : table.pairs
        const key = text.length >= 4 ? quadKey(text, 0) : pairKey(text, 0)
        const list = map.get(key)
        if (list) list.push({text, rule: position})
        else map.set(key, [{text, rule: position}])
      }
    })
    this.hasLower = rules.some((rule) => rule.caseInsensitive)
  }

  /** Whether `text` holds a string `rule` needs (a rule that needs none may always match). */
  holdsNeed(rule: ArtifactRule, text: string): boolean {
    if (rule.needs.length === 0) return true
    const position = this.positions.get(rule)
    // A rule from elsewhere: looked up the plain way.
    if (position === undefined) {
      const seen = rule.caseInsensitive ? text.toLowerCase() : text
      return rule.needs.some((need) => seen.includes(need))
    }
    return this.found(text)[position] === 1
  }

  /** Per rule, 1 when `text` holds one of its needs. */
  private found(text: string): Uint8Array {
    const known = this.answers.get(text)
    if (known) return known
    const found = new Uint8Array(this.rules.length)
    scan(text, this.exact, found)
    const lowered = this.hasLower ? text.toLowerCase() : text
    if (this.hasLower) scan(lowered, this.lower, found)
    for (const need of this.short) {
      if (found[need.rule] === 0 && (need.caseInsensitive ? lowered : text).includes(need.text)) found[need.rule] = 1
    }
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear()
    this.answers.set(text, found)
    return found
  }
}

/** Needs by the code units they start with: four for those at least that long, else two. */
interface Table {
  long: Map<number, Need[]>
  pairs: Map<number, Need[]>
  /** 1 for the {@link startKey} of every need's start: most places of a line start none, and are passed over without a lookup. */
  starts: Uint8Array
}

const newTable = (): Table => ({long: new Map(), pairs: new Map(), starts: new Uint8Array(65536)})

/** Mark in `found` the rule of every need of `table` that occurs in `text`. */
function scan(text: string, table: Table, found: Uint8Array): void {
  const {long, pairs, starts} = table
  if (long.size === 0 && pairs.size === 0) return
  for (let at = 0; at + 1 < text.length; at++) {
    if (starts[startKey(text, at)] === 0) continue
    if (pairs.size > 0) mark(pairs.get(pairKey(text, at)), text, at, found)
    if (long.size > 0 && at + 3 < text.length) mark(long.get(quadKey(text, at)), text, at, found)
  }
}

/** Mark the rule of each of `needs` that `text` holds at `at`. */
function mark(needs: readonly Need[] | undefined, text: string, at: number, found: Uint8Array): void {
  if (!needs) return
  for (const need of needs) if (found[need.rule] === 0 && text.startsWith(need.text, at)) found[need.rule] = 1
}

const indexes = new WeakMap<readonly ArtifactRule[], NeedsIndex>()

/** The needs index of a rule set's boilerplate rules, built on first use. */
export function needsIndexOf(rules: readonly ArtifactRule[]): NeedsIndex {
  let index = indexes.get(rules)
  if (!index) {
    index = new NeedsIndex(rules)
    indexes.set(rules, index)
  }
  return index
}

/**
 * Code units from `at` as one small integer: V8 hashes a small integer key
 * fast and a larger number slowly. Folding puts several strings under one
 * key; each need is compared whole anyway.
 */
function pairKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0x7fff) << 15) | (text.charCodeAt(at + 1) & 0x7fff)
}

/** Two code units from `at`, eight bits each: an index into {@link Table.starts}. */
function startKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff)
}

/** Four code units from `at`, seven bits each (see {@link pairKey}). */
function quadKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0x7f) << 21) | ((text.charCodeAt(at + 1) & 0x7f) << 14) | ((text.charCodeAt(at + 2) & 0x7f) << 7) | (text.charCodeAt(at + 3) & 0x7f)
}
