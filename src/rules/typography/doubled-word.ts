import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {WordSpan} from '../../engine/text-index.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.doubled-word',
  description: 'The same word twice in a row ("the the"); fixed where it cannot be right.',
  fixable: true,
  severity: 'warning'
})

// Words that are never repeated in grammatical English: the repeat is removed.
const CERTAIN = new Set(['the', 'a', 'an', 'of', 'to', 'from', 'and', 'or', 'its', 'their', 'our', 'your', 'my', 'these', 'those', 'than', 'into', 'onto', 'upon', 'been', 'which', 'who', 'this', 'between', 'during', 'against', 'also'])
// Words that repeat legitimately: "that that", "had had", "what it is is",
// phrasal verbs ("sign in in person"), "her her", emphasis ("very very").
const LEGITIMATE = new Set(['that', 'had', 'is', 'was', 'do', 'does', 'did', 'in', 'on', 'up', 'out', 'off', 'by', 'over', 'down', 'around', 'through', 'about', 'along', 'her', 'him', 'will', 'can', 'may', 'very', 'really', 'so', 'no', 'yes', 'bye', 'far', 'more', 'many', 'much', 'again', 'ha', 'hey', 'oh', 'well', 'now', 'too', 'there', 'here', 'one', 'two', 'long', 'back', 'round', 'at', 'for', 'with', 'as', 'what', 'it', 'you', 'all', 'then', 'after', 'before', 'know', 'come', 'right', 'plus', 'minus'])

// Prepositions that repeat legitimately only as a phrasal verb's particle
// followed by the same preposition ("sign in in person", "carry on on Monday").
const PARTICLES = new Set(['in', 'on', 'up', 'out', 'off', 'by', 'over', 'down', 'around', 'through', 'about', 'along', 'at', 'for', 'with', 'after', 'before'])
// Words after which a preposition is never a verb's particle.
const NOT_VERBS = new Set(['percent', 'percentage', 'points', 'point', 'cent', 'cents', 'times'])

/** Whether `source` holds only spaces (or no-break spaces) from `start` to `end`, at least one: the words are on one line. */
function isSpaceRun(source: string, start: number, end: number): boolean {
  if (end <= start) return false
  for (let at = start; at < end; at++) {
    const code = source.charCodeAt(at)
    if (code !== 0x20 && code !== 0xa0) return false
  }
  return true
}

/**
 * Whether the word at `index` may be a phrasal verb's particle: false when
 * a number, a unit such as "percent" or a punctuation mark stands before it,
 * where a verb cannot ("30 percent on on prices", "rose, on on Monday").
 */
function particleUse(source: string, words: readonly WordSpan[], index: number): boolean {
  const word = words[index]!
  const before = words[index - 1]
  if (!before) return false
  if (!isSpaceRun(source, before.end, word.start)) return false
  return !/^\p{N}/u.test(before.value) && !NOT_VERBS.has(before.value.toLowerCase())
}

/**
 * `typography.doubled-word`: the same word twice across spaces on one line
 * (`the the`, `the  the`), the repeat reported with the spaces before it. Function words
 * that never repeat are fixed by removing one copy; words that can repeat
 * legitimately (`that that`, `had had`, `is is` in "what it is is"),
 * numbers and capitalised words (names such as "Boutros Boutros-Ghali" or
 * "Mohamed Mohamed") are left alone; other lower-case repeats are reported
 * without a fix.
 */
export function checkDoubledWords(source: string, words: readonly WordSpan[]): Finding[] {
  const findings: Finding[] = []
  for (let i = 1; i < words.length; i++) {
    const first = words[i - 1]!
    const second = words[i]!
    if (!isSpaceRun(source, first.end, second.start)) continue
    if (!sameWord(first.value, second.value)) continue
    const key = second.value
    if (!/^\p{Ll}+$/u.test(key)) continue
    const particle = LEGITIMATE.has(key) && PARTICLES.has(key) && !particleUse(source, words, i - 1)
    if (LEGITIMATE.has(key) && !particle) continue
    // A hyphen or apostrophe glued on makes it another word ("the the-").
    if (/[\p{L}\p{N}'’-]/u.test(source[second.end] ?? '') || /[\p{L}\p{N}'’-]/u.test(source[first.start - 1] ?? '')) continue
    const start = first.end
    const end = second.end
    const certain = CERTAIN.has(key) || particle
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected doubled word \`${first.value} ${second.value}\`, expected \`${first.value}\``,
      start,
      end,
      expected: [''],
      ...(certain ? {fix: {start, end, text: ''}} : {})
    })
  }
  return findings
}

// Equal, or the first capitalised at a sentence start ("The the").
function sameWord(first: string, second: string): boolean {
  if (first === second) return true
  // Words of different lengths (most neighbours) differ past the first letter too: no case folding.
  if (first.length !== second.length) return false
  return first.length > 1 && first[0] !== second[0] && first[0] === second[0]!.toUpperCase() && first.slice(1) === second.slice(1)
}
