import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import {findPhrases} from '../packs/find.js'
import {isOffFor, rulesOf, type RuleOptions} from './options.js'

/**
 * Report the phrases of the rule packs (garbled terms, calques, titles,
 * names) with their replacements. Entries marked `fix: auto` carry a fix.
 */
export default function retextPosteditPhrases(options?: RuleOptions) {
  const rules = rulesOf(options)
  const isOff = isOffFor(options?.disable)
  return (tree: Root, file: VFile): void => {
    const index = textIndex(tree, String(file.value))
    for (const finding of findPhrases(rules, index.source, index.atoms, isOff)) report(file, finding)
  }
}
