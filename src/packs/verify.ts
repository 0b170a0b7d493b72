import {applyFixes} from '../engine/fix.js'
import type {Finding} from '../engine/types.js'
import {atomize} from './atoms.js'
import {compilePacks, type RuleSet} from './compile.js'
import {findArtifacts, findGarbles, findPhrases} from './find.js'
import {isKnownWord} from '../spelling/dictionary.js'
import {PackError} from './pack-error.js'
import type {Pack} from './types.js'

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
    for (const text of entry.keep ?? []) {
      const findings = findInText(rules, text)
      if (findings.length > 0) fail(`keep ${JSON.stringify(text)} is flagged by \`${findings[0]!.ruleId}\` at ${JSON.stringify(findings[0]!.actual)}`)
    }
  })
}
