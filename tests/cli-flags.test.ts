import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {cli, run, scratch} from './support/cli.js'

const article = 'They met through the video circle.\n'
// util-linux `script` runs a command with a terminal; without it the terminal test cannot run.
const hasScript = spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0
const fixed = 'They met via videoconference.\n'

function folder(files: Record<string, string>): string {
  const directory = scratch()
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), {recursive: true})
    writeFileSync(join(directory, path), content)
  }
  return directory
}

describe('flag combinations (issue 10, item 13)', () => {
  const cases: Array<[string[], string]> = [
    [['--fix', '--diff', 'a.txt'], '--fix writes the files; --diff only shows what it would change: use one of them'],
    [['--fix', '--fix-dry-run', 'a.txt'], '--fix writes the files; --fix-dry-run only shows what it would change: use one of them'],
    [['--fix', '-', 'a.txt'], '--fix with standard input prints the corrected text, so it takes no other input'],
    [['--diff', '--format', 'json', 'a.txt'], '--diff prints a diff; --format does not apply to it'],
    [['--fix', '--stdout', '--format', 'json', 'a.txt'], '--fix --stdout prints the corrected text; drop --stdout to get a report in another format'],
    [['--markdown', 'a.txt'], '--markdown is for standard input (-); files are read by their extension']
  ]
  for (const [args, message] of cases) {
    it(`refuses ${args.slice(0, -1).join(' ')} in one line, exit 2, writing nothing`, () => {
      const directory = folder({'a.txt': article})
      const {code, stdout, stderr} = run(args, {cwd: directory, input: article})
      expect([code, stdout, stderr]).toEqual([2, '', `postedit: ${message}\nTry \`postedit --help\`.\n`])
      expect(readFileSync(join(directory, 'a.txt'), 'utf8')).toBe(article)
    })
  }

  it('--fix-dry-run and --diff write nothing and exit 1 when they show a change, 0 when none', () => {
    const directory = folder({'a.txt': article, 'b.txt': fixed})
    for (const flag of ['--fix-dry-run', '--diff']) {
      const changed = run([flag, 'a.txt'], {cwd: directory})
      expect(changed.code).toBe(1)
      expect(changed.stdout).toContain('+They met via videoconference.')
      expect(readFileSync(join(directory, 'a.txt'), 'utf8')).toBe(article)
      expect(run([flag, 'b.txt'], {cwd: directory})).toMatchObject({code: 0, stdout: ''})
    }
  })
})

describe('less friction (issue 10, item 14)', () => {
  it.runIf(hasScript)('prints usage instead of waiting when run with no input in a terminal', () => {
    // `script` gives the command a terminal for standard input.
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}"; echo "exit=$?"`, '/dev/null'], {encoding: 'utf8', input: '', timeout: 20_000})
    expect(result.stdout).toContain('postedit: no input; give files, folders or globs, or - to read standard input')
    expect(result.stdout).toContain('Usage: postedit [options]')
    expect(result.stdout).toMatch(/exit=2\s*$/)
  })

  it('says how many fixes --fix applied in how many files, on stderr only', () => {
    const directory = folder({'a.txt': article, 'b.txt': `${article}The the agency said so.\n`, 'c.txt': fixed})
    const {stderr, code} = run(['--fix', '.'], {cwd: directory})
    expect(code).toBe(0)
    expect(stderr).toBe('postedit: applied 3 fixes in 2 files\n')
    const piped = run(['--fix', '--stdout', 'a.txt'], {cwd: folder({'a.txt': article})})
    expect([piped.stdout, piped.stderr]).toEqual([fixed, 'postedit: applied 1 fix in 1 file\n'])
  })

  it('lets the temporary folders of the test run be removed at its end', () => {
    expect(process.env.POSTEDIT_TEST_TMPDIR).toBeTruthy()
    expect(tmpdir()).toBe(process.env.POSTEDIT_TEST_TMPDIR)
  })
})

describe('paths in CI reports (issue 10, item 11)', () => {
  it('percent-encodes SARIF locations, gives files outside the repository a file: URI, and says how columns count', () => {
    const top = folder({'.git/HEAD': '', 'news/a#b c%.txt': article})
    const outside = folder({'far.txt': article})
    const {stdout} = run(['--format', 'sarif', 'a#b c%.txt', join(outside, 'far.txt')], {cwd: join(top, 'news')})
    const log = JSON.parse(stdout) as {runs: Array<{columnKind: string; results: Array<{locations: Array<{physicalLocation: {artifactLocation: unknown}}>}>}>}
    const [run0] = log.runs
    expect(run0!.columnKind).toBe('utf16CodeUnits')
    expect(run0!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation)).toEqual([
      {uri: 'news/a%23b%20c%25.txt', uriBaseId: '%SRCROOT%'},
      {uri: pathToFileURL(join(outside, 'far.txt')).href}
    ])
  })

  it('gives GitHub annotations paths from the repository top, or from GITHUB_WORKSPACE', () => {
    const top = folder({'.git/HEAD': '', 'desk/news/a.txt': article})
    const cwd = join(top, 'desk')
    expect(run(['--format', 'github', 'news/a.txt'], {cwd}).stdout).toMatch(/^::warning file=desk\/news\/a\.txt,line=1,/)
    expect(run(['--format', 'github', 'news/a.txt'], {cwd, env: {GITHUB_WORKSPACE: cwd}}).stdout).toMatch(/^::warning file=news\/a\.txt,line=1,/)
  })
})
