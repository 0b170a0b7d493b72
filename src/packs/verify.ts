import {applyFixes} from '../engine/fix.js'
import type {Finding} from '../engine/types.js'
import {atomize} from '../infra/atoms.js'
import {compilePacks, type RuleSet} from './compile.js'
import {findArtifacts, findGarbles, findPhrases} from './find.js'
import {isKnownWord} from '../spelling/dictionary.js'
import {PackError} from '../infra/pack-error.js'
import type {Pack, SubstitutionEntry} from './types.js'

const nothingOff = () => false

/** What the rules of `rules` find in a short text of its own. */
export function findInText(rules: RuleSet, text: string): Finding[] {
  const atoms = atomize(text)
  const phrases = findPhrases(rules, text, atoms, nothingOff)
  return [...findArtifacts(rules, text, nothingOff), ...phrases, ...findGarbles(rules, text, atoms, nothingOff, isKnownWord, phrases)]
}

/** `text` with every finding's best replacement applied, fix or suggestion. */
function withReplacements(text: string, findings: readonly Finding[]): string {
  const fixes = findings.flatMap((finding) =>
    finding.expected && finding.expected.length > 0 ? [{start: finding.start, end: finding.end, text: finding.expected[0]!}] : []
  )
  return applyFixes(text, fixes).value
}

/**
 * Run every entry's examples and guardrails against the pack itself. A pack
 * whose data does not do what it says fails to load, with the entry's place.
 */
export function verifyPack(pack: Pack): void {
  const rules = compilePacks([pack])
  pack.entries.forEach((entry, entryIndex) => {
    const id = `${pack.pack}.${entry.id}`
    const fail = (problem: string): never => {
      const place = pack.locate(['entries', entryIndex])
      throw new PackError(pack.file, place.line, place.column, `\`${id}\`: ${problem}`)
    }
    entry.examples.forEach((example, index) => {
      const findings = findInText(rules, example.in)
      if (!findings.some((finding) => finding.ruleId === id)) fail(`example ${index + 1} is not matched: ${JSON.stringify(example.in)}`)
      if (example.out !== undefined) {
        const result = withReplacements(example.in, findings)
        if (result !== example.out) fail(`example ${index + 1} gives ${JSON.stringify(result)}, not ${JSON.stringify(example.out)}`)
      }
    })
    if (entry.type === 'substitution' && entry.fix === 'auto') {
      const problem = refixProblem(rules, id, entry)
      if (problem) fail(problem)
    }
    for (const text of entry.keep ?? []) {
      const findings = findInText(rules, text)
      if (findings.length > 0) fail(`keep ${JSON.stringify(text)} is flagged by \`${findings[0]!.ruleId}\` at ${JSON.stringify(findings[0]!.actual)}`)
    }
  })
}

const overlaps = (a: {start: number; end: number}, b: {start: number; end: number}) => a.start < b.end && a.end > b.start

/** Auto fixes found in `text`. */
function autoFindings(rules: RuleSet, text: string): Finding[] {
  return findInText(rules, text).filter((finding) => finding.fix)
}

/**
 * Why the automatic fix of entry `id` would not be stable, if it would not:
 * an entry (this one or another with `fix: auto`) matches the text it
 * wrote. `--fix` would then rewrite its own output on every run (`talks` →
 * `talks talks` doubles each time; `A` → `B` beside `B` → `A` flips back and
 * forth), so fixing twice would not give what fixing once gives.
 */
export function refixProblem(rules: RuleSet, id: string, entry: SubstitutionEntry): string | undefined {
  const again = (text: string, ranges: Array<{start: number; end: number}>, what: string) => {
    const found = autoFindings(rules, text).find((finding) => ranges.some((range) => overlaps(finding, range)))
    if (!found) return undefined
    const who = found.ruleId === id ? 'this entry' : `\`${found.ruleId}\``
    return `its fix is not stable: ${what} ${JSON.stringify(text)}, where ${who} matches ${JSON.stringify(found.actual ?? text.slice(found.start, found.end))} again (fixing twice must give what fixing once gives)`
  }
  // The replacement on its own, when it has no list slots.
  const replacements = entry.swap ? Object.values(entry.swap) : [entry.replace ?? []].flat()
  for (const replacement of replacements) {
    if (/\{[a-z][a-z0-9-]*\}/.test(replacement) || replacement.trim() === '') continue
    const problem = again(replacement, [{start: 0, end: replacement.length}], 'the replacement is')
    if (problem) return problem
  }
  // Each example, fixed once: nothing may match what this entry wrote.
  for (const [index, example] of entry.examples.entries()) {
    const findings = autoFindings(rules, example.in)
    const outcome = applyFixes(example.in, findings.map((finding) => finding.fix!))
    const mine = new Set(findings.filter((finding) => finding.ruleId === id).map((finding) => finding.fix!))
    const written: Array<{start: number; end: number}> = []
    let delta = 0
    for (const fix of outcome.applied) {
      if (mine.has(fix)) written.push({start: fix.start + delta, end: fix.start + delta + fix.text.length})
      delta += fix.text.length - (fix.end - fix.start)
    }
    if (written.length === 0) continue
    const problem = again(outcome.value, written, `example ${index + 1} fixed once is`)
    if (problem) return problem
  }
  return undefined
}
