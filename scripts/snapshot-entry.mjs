// The entry of the CLI's V8 startup snapshot (scripts/build-snapshot.mjs bundles
// it with dist/ into one script and runs it under `node --build-snapshot`).
// It runs the CLI once on the warm-up files, so the heap holds every module
// evaluated and the default data loaded, then leaves the run to the snapshot's
// main function. The warm-up reads the packs and the gazetteer from the cache
// the build filled just before (validating them here would run ajv's compiled
// code, which a snapshot cannot hold), and writes nothing.
import {main} from '../dist/cli/main.js'
import {runIfStale} from '../dist/cli/startup-snapshot.js'
import {forgetSharedCache} from '../dist/infra/cache.js'
import {knownNames} from '../dist/spelling/name-lists.js'
import {frequency} from '../dist/spelling/frequency.js'
import {isCommonWord} from '../dist/names/english.js'
import {compileEagerly} from '../dist/infra/eager-regexp.js'
import {listedCorrections} from '../dist/spelling/common-misspellings.js'
import {loadWordLists} from '../dist/infra/vocabulary.js'
import {loadLexicon, TAGS} from '../dist/needs-human/lexicon.js'
import {arabicIndex} from '../dist/rules/arabic-left-in.js'
import {loadRules} from '../dist/packs/registry.js'
import {loadGazetteer} from '../dist/names/gazetteer.js'
import {shareEqualStrings} from '../dist/infra/share-strings.js'
import {moveHeldDataTo} from '../dist/infra/snapshot-files.js'
import {holdWhileBuildingSnapshot} from '../dist/infra/held.js'

const {setFlagsFromString, startupSnapshot} = require('node:v8')

// A snapshot cannot hold a pattern's machine code: the warm-up leaves patterns uncompiled.
compileEagerly(false)
// V8 compiles a pattern to machine code the second time it runs, and then cannot write the
// snapshot ("unreachable code"): during the warm-up every pattern stays bytecode. The flags are
// set back before the snapshot is written, or Node would refuse it at every start (its V8 flags
// would differ from the running ones); --regexp-interpret-all also turns tier-up off.
setFlagsFromString('--regexp-interpret-all')
// Large data loaded from here on may be kept beside the snapshot (see moveHeldDataTo below).
holdWhileBuildingSnapshot()
const files = JSON.parse(process.env.POSTEDIT_SNAPSHOT_WARM ?? '[]')
const write = process.stdout.write
process.stdout.write = () => true
// localeCompare would leave an ICU collator in the heap, which a snapshot
// cannot hold: the warm-up (whose output is discarded) compares by code unit.
const localeCompare = String.prototype.localeCompare
String.prototype.localeCompare = function (other) {
  const self = String(this)
  return self < other ? -1 : self > other ? 1 : 0
}
// One run of main() on one file: its output is discarded.
main(['--format', 'json', ...files]).then((code) => {
  // Loaded on first use, by inputs the warm-up files may not have.
  const preload = (process.env.POSTEDIT_SNAPSHOT_PRELOAD ?? 'names,misspellings,word-lists,frequency,arabic,lexicon').split(',')
  if (preload.includes('names')) knownNames()
  if (preload.includes('frequency')) frequency('the')
  if (preload.includes('common')) isCommonWord('the')
  // Every unknown word and name is looked up in it: one sorted string of about 2 MB.
  if (preload.includes('misspellings')) listedCorrections('the')
  if (preload.includes('word-lists')) loadWordLists()
  // The needs-human patterns ask for most tags on most articles; each set is read from held.bin when first asked.
  if (preload.includes('lexicon')) {
    const lexicon = loadLexicon()
    for (const tag of TAGS) lexicon.has('the', tag)
    lexicon.known('the')
  }
  // Any text with an Arabic letter, comma or digit looks its words up in it.
  if (preload.includes('arabic')) arabicIndex(['default'])
  // Read back from the cache, they hold a string per occurrence: one string per text instead.
  shareEqualStrings([loadGazetteer(['default']), loadRules()])
  // Dictionaries' forms, word lists, packs' stored branches and entries: read from there by the runs that use them.
  if (process.env.POSTEDIT_SNAPSHOT_DATA) moveHeldDataTo(require('node:path').join(process.env.POSTEDIT_SNAPSHOT_DATA, 'held.bin'))
  // The last pattern's match keeps its subject (a whole word list) in the heap.
  ;/(?:)/.exec('')
  setFlagsFromString('--no-regexp-interpret-all')
  setFlagsFromString('--regexp-tier-up')
  process.stdout.write = write
  String.prototype.localeCompare = localeCompare
  process.exitCode = 0
  // Each run opens the cache of its own user and folder.
  forgetSharedCache()
  if (code > 1) throw new Error(`postedit snapshot: the warm-up run failed (exit ${code})`)
})

startupSnapshot.setDeserializeMainFunction(() => {
  const args = process.argv.slice(1)
  const stale = runIfStale(args)
  if (stale !== undefined) {
    process.exitCode = stale
    return
  }
  compileEagerly(true)
  main(args).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      const detail = process.env.POSTEDIT_DEBUG ? error.stack : error.message
      process.stderr.write(`postedit: unexpected error: ${detail ?? String(error)}\n(set POSTEDIT_DEBUG=1 for the stack trace; please report it)\n`)
      process.exitCode = 2
    }
  )
})
