import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * Vitest global setup: every test (and every postedit it runs) makes its
 * temporary folders inside one folder of the run, removed when the run ends,
 * so `npm test` leaves nothing behind in the system's temporary folder.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'postedit-test-run-'))
  const previous = {TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP}
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = folder
  process.env.POSTEDIT_TEST_TMPDIR = folder
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    // Tests make read-only files and folders; make them removable first.
    rmSync(folder, {recursive: true, force: true, maxRetries: 3})
  }
}
