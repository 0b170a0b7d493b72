import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import {findArtifacts} from '../packs/find.js'
import {isOffFor, rulesOf, type RuleOptions} from './options.js'

/**
 * Report boilerplate the source web page left in the text (datelines above
 * the headline, "Source" trailers, "Read also:" lines), to be deleted.
 */
export default function retextPosteditArtifacts(options?: RuleOptions) {
  const rules = rulesOf(options)
  const isOff = isOffFor(options?.disable)
  return (_tree: Root, file: VFile): void => {
    // A piece of a long text: boilerplate at the start and end of the text
    // was looked for in the whole text (see `lintInPieces`).
    if (file.data.posteditPiece) return
    for (const finding of findArtifacts(rules, String(file.value), isOff)) report(file, finding)
  }
}
