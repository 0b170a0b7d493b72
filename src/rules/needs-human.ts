import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import {loadLexicon} from '../needs-human/lexicon.js'
import {PATTERNS} from '../needs-human/patterns.js'
import {sentencesOf, type Sentence} from '../needs-human/sentences.js'
import {isOffFor, type RuleOptions} from './options.js'

/** How many earlier sentences a pattern may look back at (the comparison rule reads one). */
const LOOK_BACK = 2

/**
 * Point an editor at sentences a rule cannot fix: Arabic verb-first order,
 * a relative clause with a resumptive pronoun or wedged after a verb, a
 * reported clause that lost its subject, a quotation opened before a
 * participle, mixed direct and indirect speech, inverted logic ("threatens
 * the inability"), literal exceptives ("not … except"), "did not return"
 * for "no longer", "all … not", and comparisons the figures contradict.
 *
 * Each pattern has its own id (`needs-human.verb-first`, …) and reports the
 * sentence or clause, never a fix. Patterns read closed word classes and,
 * where they must tell a verb from a noun, en-lexicon's part-of-speech
 * lexicon, loaded on first need and kept for the process.
 */
export default function retextPosteditNeedsHuman(options?: RuleOptions) {
  const isOff = isOffFor(options?.disable)
  const patterns = PATTERNS.filter((pattern) => !isOff(pattern.id))
  return (tree: Root, file: VFile): void => {
    if (patterns.length === 0) return
    const sentences = sentencesOf(tree, String(file.value))
    const previous: Sentence[] = []
    // One context for the run (it holds the same lexicon and list throughout), and indexed loops:
    // an iterator per pattern and sentence was megabytes of garbage on a long text.
    const context = {lexicon: loadLexicon, previous}
    for (const sentence of sentences) {
      for (let at = 0; at < patterns.length; at++) {
        const findings = patterns[at]!.check(sentence, context)
        for (let index = 0; index < findings.length; index++) report(file, findings[index]!)
      }
      previous.push(sentence)
      if (previous.length > LOOK_BACK) previous.shift()
    }
  }
}
