import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run, scratch} from './support/cli.js'

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

const command = resolve(import.meta.dirname, '../dist/bin/postedit')

/** Run the `postedit` command itself, as a shell runs it (through `path`, by default the built one). */
function runCommand(args: string[], options: {env?: Record<string, string | undefined>; input?: string | Buffer; path?: string} = {}) {
  const result = spawnSync(options.path ?? command, args, {encoding: 'utf8', input: options.input ?? '', env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: undefined, POSTEDIT_SNAPSHOT: undefined, ...options.env}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

// Where the build made a snapshot on a POSIX system, `postedit` (package.json
// "bin") is a shell script that starts Node from it directly; every run must
// give what `node dist/cli.js` gives without the snapshot.
describe.runIf(existsSync(snapshot) && process.platform !== 'win32')('the postedit command from its startup snapshot', () => {
  it('is the launcher, and reports and fixes the seed article as the CLI does without the snapshot', () => {
    expect(readFileSync(command, 'utf8')).toMatch(/^#!\/bin\/sh\n/)
    const reported = runCommand(['--format', 'json', seed])
    expect(reported.code).toBe(run(['--format', 'json', seed], {env: without}).code)
    expect(reported.stdout).toBe(run(['--format', 'json', seed], {env: without}).stdout)
    const fixed = runCommand(['--fix', '--stdout', seed])
    expect(fixed.stdout).toBe(readFileSync(resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.gold.txt'), 'utf8'))
    expect(runCommand(['--format', 'json', '-'], {input: readFileSync(seed)}).stdout).toBe(run(['--format', 'json', '-'], {env: without, input: readFileSync(seed)}).stdout)
  })

  it('runs through links to it, as npm links node_modules/.bin/postedit', () => {
    const folder = scratch('postedit-bin-')
    mkdirSync(join(folder, 'bin'))
    // A relative link to an absolute one, as npm and version managers chain them.
    symlinkSync(command, join(folder, 'postedit-absolute'))
    symlinkSync('../postedit-absolute', join(folder, 'bin', 'postedit'))
    const linked = runCommand(['--format', 'json', seed], {path: join(folder, 'bin', 'postedit')})
    expect(linked.stdout).toBe(run(['--format', 'json', seed], {env: without}).stdout)
  })

  it('starts Node from the snapshot beside it, else runs dist/cli.js', () => {
    // The launcher in a folder of its own, beside a stand-in dist/cli.js that says it ran.
    const folder = scratch('postedit-bin-')
    mkdirSync(join(folder, 'dist', 'bin'), {recursive: true})
    mkdirSync(join(folder, 'dist', 'snapshot'))
    copyFileSync(command, join(folder, 'dist', 'bin', 'postedit'))
    writeFileSync(join(folder, 'dist', 'cli.js'), 'process.stdout.write("dist/cli.js ran")\n')
    const copy = join(folder, 'dist', 'bin', 'postedit')
    expect(runCommand(['--version'], {path: copy}).stdout).toBe('dist/cli.js ran')
    symlinkSync(snapshot, join(folder, 'dist', 'snapshot', 'postedit.blob'))
    expect(runCommand(['--version'], {path: copy}).stdout).toBe(run(['--version'], {env: without}).stdout)
    expect(runCommand(['--fix', seed], {path: copy}).stdout).toBe('dist/cli.js ran')
  })

  it('leaves to dist/cli.js the runs a snapshot cannot serve', () => {
    // --fix without --stdout writes the file (and cleans up on Ctrl-C, which a run from a snapshot cannot).
    const folder = scratch('postedit-bin-')
    const article = join(folder, 'article.txt')
    copyFileSync(seed, article)
    expect(runCommand(['--fix', article]).code).toBe(0)
    expect(readFileSync(article, 'utf8')).toBe(readFileSync(resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.gold.txt'), 'utf8'))
    // Node options: dist/cli.js runs without the snapshot, or refuses when it is required.
    const options = {NODE_OPTIONS: '--max-old-space-size=4096'}
    expect(runCommand(['--format', 'json', seed], {env: options}).stdout).toBe(run(['--format', 'json', seed], {env: without}).stdout)
    const refused = runCommand(['--format', 'json', seed], {env: {...options, POSTEDIT_SNAPSHOT: 'require'}})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('Node options are set')
  })

  it('runs the CLI it names without the snapshot when the snapshot cannot serve the run', () => {
    // What the launcher does on every run, with a run the snapshot refuses (Node options are set)
    // and a stand-in CLI that says how it was called.
    const folder = scratch('postedit-bin-')
    const standIn = join(folder, 'cli.mjs')
    writeFileSync(standIn, 'process.stdout.write(`${process.argv.slice(2).join(" ")} POSTEDIT_SNAPSHOT=${process.env.POSTEDIT_SNAPSHOT}`)\nprocess.exitCode = 1\n')
    const started = spawnSync(process.execPath, ['--initial-old-space-size=128', '--snapshot-blob', snapshot, '--', '--format', 'json', seed], {
      encoding: 'utf8',
      env: {...process.env, NODE_OPTIONS: '--no-warnings', POSTEDIT_SNAPSHOT: '0', POSTEDIT_SNAPSHOT_CHECK: standIn}
    })
    expect(started.stdout).toBe(`--format json ${seed} POSTEDIT_SNAPSHOT=0`)
    expect(started.status).toBe(1)
  })
})
