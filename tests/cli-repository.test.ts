import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import {describe, expect, it} from 'vitest'
import {cli} from './support/cli.js'

const require = createRequire(import.meta.url)
const fixtures = resolve(import.meta.dirname, 'fixtures/cli')
const expected = (name: string) => resolve(fixtures, '__expected__', name)

function run(args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', cwd, input, env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A copy of a fixture folder to run --fix in. */
function copy(name: string): string {
  const directory = join(mkdtempSync(join(tmpdir(), 'postedit-repo-')), name)
  cpSync(join(fixtures, name), directory, {recursive: true})
  // The copy's packs and configs point at ../newsroom: bring it along.
  cpSync(join(fixtures, 'newsroom'), join(directory, '..', 'newsroom'), {recursive: true})
  return directory
}

describe('a folder of articles with its own configuration', () => {
  const cwd = join(fixtures, 'newsroom')

  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    it(`reports in ${format}`, async () => {
      const {code, stdout} = run(['--format', format, 'news', 'opinion'], cwd)
      expect(code).toBe(1)
      // Absolute paths differ per machine: the report shows them relative, except JSON's cwd field.
      await expect(stdout.replaceAll(cwd, '<cwd>').replaceAll(resolve(import.meta.dirname, '..'), '<repo>')).toMatchFileSnapshot(expected(`newsroom.${format}.txt`))
    })
  }

  it('applies a per-glob override over a more specific setting', () => {
    const {code, stdout} = run(['opinion'], cwd)
    expect(code).toBe(0)
    expect(stdout).toBe('opinion/column.txt: no issues found\n')
  })

  it('prints what --fix would change as a unified diff, and changes nothing', async () => {
    const before = readFileSync(join(cwd, 'news/talks.txt'), 'utf8')
    const {stdout} = run(['--diff', 'news'], cwd)
    await expect(stdout).toMatchFileSnapshot(expected('newsroom.diff.txt'))
    expect(readFileSync(join(cwd, 'news/talks.txt'), 'utf8')).toBe(before)
  })

  it('reports only errors with --quiet, and lets warnings pass under --max-warnings', () => {
    const quiet = run(['--quiet', '--format', 'json', 'news'], cwd)
    const messages = (JSON.parse(quiet.stdout) as Array<{messages: Array<{severity: string}>}>)[0]!.messages
    expect(messages.map((message) => message.severity)).toEqual(['error'])
    const relaxed = run(['--max-warnings', '5', '--config', '.posteditrc.yml', '--word', 'x', 'news/talks.txt'], cwd)
    expect(relaxed.code).toBe(1) // the error still fails
  })

  it('after --fix shows only what remains', () => {
    const directory = copy('newsroom')
    const {stdout} = run(['--fix', 'news'], directory)
    expect(readFileSync(join(directory, 'news/talks.txt'), 'utf8')).toBe(
      'The ministers met via videoconference on Monday.\n\nHe also raised the security file, aides said.\n\nMembers of the video circle club met too.\n'
    )
    expect(stdout).toContain('house.security-file')
    expect(stdout).not.toContain('house.video-circle')
  })
})

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const {stdout} = run(['--format', 'sarif', 'news', 'opinion'], join(fixtures, 'newsroom'))
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object
    // ajv-draft-04 is CommonJS: its default export is the class itself at run time.
    const ajv = new (AjvDraft04 as unknown as typeof AjvDraft04.default)({allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false})
    const validate = ajv.compile(schema)
    const log = JSON.parse(stdout) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('tests/fixtures/cli/newsroom/news/talks.txt')
  })
})

describe('Markdown', () => {
  const cwd = join(fixtures, 'markdown')

  it('flags nothing in front matter, code, HTML, links or disabled stretches', async () => {
    const {stdout} = run(['article.md'], cwd)
    await expect(stdout).toMatchFileSnapshot(expected('markdown.stylish.txt'))
  })

  it('lands each fix in the prose at the right byte', async () => {
    const {stdout} = run(['--fix', '--stdout', 'article.md'], cwd)
    await expect(stdout).toMatchFileSnapshot(expected('markdown.fixed.md'))
    const original = readFileSync(join(cwd, 'article.md'), 'utf8')
    // Only the three prose occurrences changed.
    expect(original.split('through the video circle').length - stdout.split('through the video circle').length).toBe(3)
  })

  it('reads Markdown from standard input with --markdown', () => {
    const {stdout} = run(['--fix', '--markdown', '--packs', '../newsroom/house.yml', '--disable', 'spelling', '-'], cwd, 'Met `through the video circle` through the video circle.\n')
    expect(stdout).toBe('Met `through the video circle` via videoconference.\n')
  })
})

describe('configuration and ignore files', () => {
  it('reads the postedit field of package.json', () => {
    const {code, stdout} = run(['article.txt'], join(fixtures, 'package-field'))
    expect(code).toBe(0)
    expect(stdout).toMatch(/1:10-1:34 info\s+Unexpected `through the video circle`/)
  })

  it('refuses an unknown rule id, naming the file and the key', () => {
    const {code, stderr} = run(['article.txt'], join(fixtures, 'bad-config'))
    expect(code).toBe(2)
    expect(stderr).toBe(`postedit: ${join(fixtures, 'bad-config', '.posteditrc.json')}: rules: unknown rule id \`calques.liquidatee\`\n`)
  })

  it('reads a .posteditrc.mjs', () => {
    const directory = mkdtempSync(join(tmpdir(), 'postedit-config-'))
    writeFileSync(join(directory, '.posteditrc.mjs'), "export default {rules: {calques: 'off', spelling: 'off'}}\n")
    writeFileSync(join(directory, 'a.txt'), 'They met through the video circle.\n')
    const {code, stdout} = run(['a.txt'], directory)
    expect(code).toBe(0)
    expect(stdout).toBe('a.txt: no issues found\n')
  })

  it('refuses a bad value, naming the key', () => {
    const directory = mkdtempSync(join(tmpdir(), 'postedit-config-'))
    writeFileSync(join(directory, '.posteditrc.yml'), 'rules:\n  calques: loud\n')
    writeFileSync(join(directory, 'a.txt'), 'Text.\n')
    const {code, stderr} = run(['a.txt'], directory)
    expect(code).toBe(2)
    expect(stderr).toMatch(/\.posteditrc\.yml: `rules\.calques` must be one of `error`, `warning`, `info`, `off`\n$/)
  })

  it('skips ignored files in folders and says so for a file named outright', () => {
    const {code, stdout, stderr} = run(['.', 'drafts/draft.txt'], join(fixtures, 'ignored'))
    expect(code).toBe(0)
    expect(stdout).toBe('final.txt: no issues found\n')
    expect(stderr).toBe('postedit: drafts/draft.txt: ignored by .posteditignore (use --no-ignore to check it)\n')
  })
})

describe('--fix on many files', () => {
  const article = 'The ministers met through the video circle on Monday.\n'
  const fixed = 'The ministers met via videoconference on Monday.\n'

  function folder(count: number): string {
    const directory = copy('newsroom')
    const articles = join(directory, 'many')
    cpSync(join(directory, 'news'), articles, {recursive: true})
    for (let index = 0; index < count; index++) writeFileSync(join(articles, `article-${String(index).padStart(4, '0')}.txt`), article)
    return directory
  }

  it('fixes every file of a folder of 1,000 (in workers)', () => {
    const directory = folder(1000)
    run(['--fix', 'many'], directory)
    const names = readdirSync(join(directory, 'many')).filter((name) => name.startsWith('article-'))
    expect(names).toHaveLength(1000)
    for (const name of names) expect(readFileSync(join(directory, 'many', name), 'utf8')).toBe(fixed)
  })

  it('leaves every file either fully fixed or untouched when killed midway', async () => {
    const directory = folder(1000)
    const child = spawn(process.execPath, [cli, '--fix', 'many'], {cwd: directory, stdio: 'ignore'})
    // Kill it once some files have been rewritten.
    await new Promise<void>((resolvePromise) => {
      const timer = setInterval(() => {
        const done = readdirSync(join(directory, 'many')).filter((name) => name.startsWith('article-') && readFileSync(join(directory, 'many', name), 'utf8') === fixed)
        if (done.length > 0 || child.exitCode !== null) {
          clearInterval(timer)
          child.kill('SIGKILL')
          resolvePromise()
        }
      }, 20)
    })
    await new Promise((resolvePromise) => child.once('exit', resolvePromise))
    const names = readdirSync(join(directory, 'many'))
    for (const name of names.filter((entry) => entry.startsWith('article-'))) {
      expect([article, fixed]).toContain(readFileSync(join(directory, 'many', name), 'utf8'))
    }
    // No temporary file is left that a user would mistake for an article.
    expect(names.filter((name) => name.endsWith('.txt') && !name.startsWith('article-') && name !== 'talks.txt')).toEqual([])
  })

  it('gives a clear error for a read-only file and leaves it as it was', () => {
    const directory = copy('newsroom')
    const file = join(directory, 'news/talks.txt')
    const before = readFileSync(file, 'utf8')
    chmodSync(file, 0o444)
    const {code, stderr} = run(['--fix', 'news/talks.txt'], directory)
    expect(code).toBe(2)
    expect(stderr).toBe('postedit: news/talks.txt: is read-only; not rewritten\npostedit: applied 0 fixes in 0 files\n')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})
