import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, run, scratch} from './support/cli.js'

// util-linux `script` runs a command with a terminal; without it the terminal test cannot run.
const hasScript = spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0

function articles(count: number): string {
  const directory = scratch()
  for (let index = 1; index <= count; index++) writeFileSync(join(directory, `story-${index}.txt`), 'The committee will meet again next week.\n')
  return directory
}

/** Run postedit over `directory` with a terminal on every stream; what the terminal showed. */
function inTerminal(directory: string, env: Record<string, string | undefined>): string {
  const childEnv: Record<string, string> = {}
  for (const [key, value] of Object.entries({...process.env, NO_COLOR: '1', ...env})) if (value !== undefined) childEnv[key] = value
  const result = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" --format json .`, '/dev/null'], {cwd: directory, encoding: 'utf8', input: '', env: childEnv, timeout: 60_000})
  return result.stdout
}

describe('progress line', () => {
  it.runIf(hasScript)('counts files on a terminal, and stays out of CI logs', () => {
    const directory = articles(7)
    expect(inTerminal(directory, {CI: undefined})).toContain('postedit: 7/7 files')
    expect(inTerminal(directory, {CI: 'true'})).not.toContain('files')
  })

  it('never writes progress when stderr is not a terminal', () => {
    const {stderr, code} = run(['--format', 'json', '.'], {cwd: articles(7), env: {CI: undefined}})
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
})
