#!/usr/bin/env node
import {runFromSnapshot} from './cli/startup-snapshot.js'

const args = process.argv.slice(2)
// From the startup snapshot when the build made one for this install (the
// same run, started with everything loaded); else here, as always.
const fromSnapshot = await runFromSnapshot(args)
if (fromSnapshot === undefined) {
  try {
    const {main} = await import('./cli/main.js')
    process.exitCode = await main(args)
  } catch (error) {
    // Expected problems (usage, input, packs, config) are handled in main();
    // anything reaching here is a bug, still told in one line unless asked for more.
    const detail = process.env.POSTEDIT_DEBUG ? (error as Error).stack : (error as Error).message
    process.stderr.write(`postedit: unexpected error: ${detail ?? String(error)}\n(set POSTEDIT_DEBUG=1 for the stack trace; please report it)\n`)
    process.exitCode = 2
  }
} else {
  process.exitCode = fromSnapshot
}
