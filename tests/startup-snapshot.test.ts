import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from './support/cli.js'

const seed = resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.txt')
const snapshot = resolve(import.meta.dirname, '../dist/snapshot/postedit.blob')
// `require`: a run that cannot start from the snapshot fails instead of passing unnoticed.
const fromSnapshot = {POSTEDIT_SNAPSHOT: 'require', NODE_OPTIONS: undefined}
const without = {POSTEDIT_SNAPSHOT: '0', NODE_OPTIONS: undefined}

// `npm run build` makes the startup snapshot where Node can; the CLI must
// give the same results from it as without it, on every output the scorers read.
describe.runIf(existsSync(snapshot))('the CLI from its startup snapshot', () => {
  it('reports the seed article exactly as without the snapshot', () => {
    const started = run(['--format', 'json', seed], {env: fromSnapshot})
    const plain = run(['--format', 'json', seed], {env: without})
    expect(started.code).toBe(plain.code)
    expect(JSON.parse(started.stdout)[0].messages.length).toBeGreaterThan(5)
    expect(started.stdout).toBe(plain.stdout)
  })

  it('fixes the seed article exactly as without it', () => {
    const fixed = run(['--fix', '--stdout', seed], {env: fromSnapshot})
    expect(fixed.stdout).toBe(readFileSync(resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.gold.txt'), 'utf8'))
    expect(fixed.stdout).toBe(run(['--fix', '--stdout', seed], {env: without}).stdout)
  })

  it('reads standard input as without it', () => {
    const piped = run(['--format', 'json', '-'], {env: fromSnapshot, input: readFileSync(seed)})
    expect(piped.stdout).toBe(run(['--format', 'json', '-'], {env: without, input: readFileSync(seed)}).stdout)
  })

  it('is left alone when Node options are set (the snapshot holds one V8 configuration)', () => {
    const refused = run(['--format', 'json', seed], {env: {...fromSnapshot, NODE_OPTIONS: '--max-old-space-size=4096'}})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('Node options are set')
    const plain = run(['--format', 'json', seed], {env: {POSTEDIT_SNAPSHOT: undefined, NODE_OPTIONS: '--max-old-space-size=4096'}})
    expect(plain.stdout).toBe(run(['--format', 'json', seed], {env: without}).stdout)
  })

  it('passes options that look like Node options to postedit', () => {
    const started = run(['--version'], {env: fromSnapshot})
    expect(started.code).toBe(0)
    expect(started.stdout).toBe(run(['--version'], {env: without}).stdout)
    expect(run(['--no-such-option', seed], {env: fromSnapshot}).stderr).toBe(run(['--no-such-option', seed], {env: without}).stderr)
  })
})
