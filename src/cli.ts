#!/usr/bin/env node
import {main} from './cli/main.js'

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  // Expected problems (usage, input, packs, config) are handled in main();
  // anything reaching here is a bug, still told in one line unless asked for more.
  const detail = process.env.POSTEDIT_DEBUG ? (error as Error).stack : (error as Error).message
  process.stderr.write(`postedit: unexpected error: ${detail ?? String(error)}\n(set POSTEDIT_DEBUG=1 for the stack trace; please report it)\n`)
  process.exitCode = 2
}
