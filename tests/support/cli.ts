import {spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

/** The built binary, as users and the measuring scripts run it (`npm test` builds first). */
export const cli = process.env.POSTEDIT_CLI ?? resolve(import.meta.dirname, '../../dist/cli.js')

/** Run `postedit args…`, with colour off. */
export function run(args: string[], options: {input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined>} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    cwd: options.cwd,
    env: {...process.env, NO_COLOR: '1', ...options.env}
  })
  return {code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr}
}

/** A fresh folder for one test (inside the run's temporary folder, removed at the end). */
export const scratch = (prefix = 'postedit-') => mkdtempSync(join(tmpdir(), prefix))
