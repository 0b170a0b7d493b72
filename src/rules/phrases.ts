import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import {findGarbles, findPhrases} from '../packs/find.js'
import {isKnownWord} from '../spelling/dictionary.js'
import {isOffFor, rulesOf, type RuleOptions} from './options.js'

/**
 * Report the phrases of the rule packs (garbled terms, calques, titles)
 * with their replacements, and unlisted garbles of the terms marked
 * `fuzzy`. Entries marked `fix: auto` carry a fix.
 */
export default function retextPosteditPhrases(options?: RuleOptions) {
  const rules = rulesOf(options)
  const isOff = isOffFor(options?.disable)
  return (tree: Root, file: VFile): void => {
    const index = textIndex(tree, String(file.value))
    const phrases = findPhrases(rules, index.source, index.atoms, isOff)
    for (const finding of [...phrases, ...findGarbles(rules, index.source, index.atoms, isOff, isKnownWord, phrases)]) report(file, finding)
  }
}
