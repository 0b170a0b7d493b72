import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

/**
 * postedit as a user installs it: from the tarball `npm pack` makes (what
 * the registry would serve) and from a git URL (what pre-commit and
 * `npm install git+…` do). Both start from a clone of the committed
 * repository, without this worktree's node_modules or dist/. Packages come
 * from npm's cache when they are there, else from the registry.
 */

const hasGit = spawnSync('git', ['--version']).status === 0
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0
const work = mkdtempSync(join(tmpdir(), 'postedit-packaging-'))
const clone = join(work, 'clone')
const ARTICLE = 'The ministers met through the video circle on Monday.\n'
const FIXED = 'The ministers met via videoconference on Monday.\n'
afterAll(() => rmSync(work, {recursive: true, force: true}))

const npmEnv = {...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'}
const npm = (args: string[], cwd: string) => execFileSync('npm', args, {cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

/** A fresh consumer project with an article, holding postedit installed from `spec`. */
function consumer(name: string, spec: string): string {
  const folder = join(work, name)
  mkdirSync(folder)
  writeFileSync(join(folder, 'package.json'), JSON.stringify({name: `consumer-${name}`, version: '1.0.0', private: true}))
  writeFileSync(join(folder, 'article.txt'), ARTICLE)
  npm(['install', '--save-dev', spec], folder)
  return folder
}

const runBin = (folder: string) =>
  execFileSync(join(folder, 'node_modules', '.bin', 'postedit'), ['--fix', '--stdout', 'article.txt'], {cwd: folder, encoding: 'utf8', env: {...process.env, POSTEDIT_CACHE: '0'}})

describe.skipIf(!hasGit)('installing postedit', () => {
  beforeAll(() => {
    execFileSync('git', ['clone', '--quiet', resolve('.'), clone])
  }, 120_000)

  it('packs a tarball with what runs and nothing that points at unshipped files', () => {
    npm(['ci'], clone)
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], clone)) as Array<{filename: string; files: Array<{path: string}>}>
    const files = packed!.files.map((file) => file.path)
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'rules/default/calques.yml', 'rules/schema.json']))
    expect(files.filter((file) => file.endsWith('.map') || file.startsWith('src/') || file.startsWith('tests/'))).toEqual([])
    // No module of dist/ names a source map.
    for (const file of files.filter((name) => name.endsWith('.js'))) expect(readFileSync(join(clone, file), 'utf8')).not.toContain('sourceMappingURL')
    const installed = consumer('from-tarball', join(work, packed!.filename))
    expect(runBin(installed)).toBe(FIXED)
    // CommonJS can require() this ES module from Node.js 20.19 on, as the README says.
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
    if (major > 20 || (major === 20 && minor >= 19)) {
      const script = "require('postedit').postedit(process.argv[1], {fix: true}).then((result) => process.stdout.write(result.value))"
      expect(execFileSync(process.execPath, ['-e', script, ARTICLE], {cwd: installed, encoding: 'utf8', env: {...process.env, POSTEDIT_CACHE: '0'}})).toBe(FIXED)
    }
  }, 600_000)

  it('publishes without npm correcting or warning about the manifest', () => {
    const result = spawnSync('npm', ['publish', '--dry-run'], {cwd: clone, env: npmEnv, encoding: 'utf8'})
    expect(result.status).toBe(0)
    const warnings = result.stderr.split('\n').filter((line) => /npm warn/.test(line) && !/requires you to be logged in/.test(line))
    expect(warnings).toEqual([])
  }, 600_000)

  // The acceptance: the hook through pre-commit where it is installed
  // (pre-commit-hook.test.ts), else an install from a git URL.
  it.skipIf(hasPreCommit)('installs from a git URL (as npm install git+… does) and runs', () => {
    // npm clones, installs the development dependencies, builds on prepare, packs, installs.
    const installed = consumer('from-git', `git+file://${clone}`)
    expect(existsSync(join(installed, 'node_modules', 'postedit', 'dist', 'cli.js'))).toBe(true)
    expect(existsSync(join(installed, 'node_modules', 'postedit', 'src'))).toBe(false)
    expect(runBin(installed)).toBe(FIXED)
  }, 600_000)

  it('keeps a shipped dist/ when TypeScript is not installed, and says what is missing otherwise', () => {
    const bare = join(work, 'bare')
    execFileSync('git', ['clone', '--quiet', clone, bare])
    const build = (args: string[]) => spawnSync(process.execPath, ['scripts/build.mjs', ...args], {cwd: bare, encoding: 'utf8'})
    const missing = build(['--if-possible'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('building needs TypeScript, a development dependency')
    mkdirSync(join(bare, 'dist'))
    writeFileSync(join(bare, 'dist', 'cli.js'), '')
    const kept = build(['--if-possible'])
    expect(kept.status).toBe(0)
    expect(kept.stderr).toContain('using the dist/ build that is already there')
  })
})
