import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli} from './support/cli.js'

const seed = resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.txt')
const gold = resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.gold.txt')

function run(args: string[], options: {input?: string; cwd?: string} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    cwd: options.cwd,
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const scratch = () => mkdtempSync(join(tmpdir(), 'postedit-cli-'))

describe('postedit command', () => {
  it('prints the corrected seed article exactly with --fix --stdout', () => {
    const {code, stdout} = run(['--fix', '--stdout', seed])
    expect(stdout).toBe(readFileSync(gold, 'utf8'))
    expect(code === 0 || code === 1).toBe(true)
  })

  it('reports warnings with a readable report; they fail only under --max-warnings (ESLint convention)', () => {
    const {code, stdout} = run([seed])
    // The seed holds warnings and no errors: reported, exit 0 (this was exit 1 before --max-warnings had no default).
    expect(code).toBe(0)
    expect(stdout).toContain('seeds/000_d42d0455121f1d6a.txt')
    expect(stdout).toMatch(/11:33-11:57\s+warning\s+Unexpected `through the video circle`, expected `via videoconference`\s+calques\.video-circle\s+postedit/)
    const strict = run(['--max-warnings', '0', seed])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toBe('postedit: too many warnings (13, maximum 0)\n')
  })

  it('exits 0 on clean text', () => {
    const directory = scratch()
    const file = join(directory, 'clean.txt')
    writeFileSync(file, 'The minister met the delegation on Monday.\n')
    const {code} = run([file])
    expect(code).toBe(0)
  })

  it('prints one JSON entry per file with exact offsets and fixes', () => {
    const {stdout} = run(['--format', 'json', seed])
    const report = JSON.parse(stdout) as Array<{path: string; messages: Array<Record<string, any>>}>
    expect(report).toHaveLength(1)
    const message = report[0]!.messages.find((m) => m.ruleId === 'calques.video-circle')!
    expect(message).toMatchObject({
      source: 'postedit',
      actual: 'through the video circle',
      expected: ['via videoconference'],
      place: {start: {line: 11, column: 33, offset: 984}, end: {line: 11, column: 57, offset: 1008}},
      fix: {start: 984, end: 1008, text: 'via videoconference'},
      severity: 'warning'
    })
    expect(message).not.toHaveProperty('ancestors')
  })

  it('rewrites files in place with --fix and keeps their permissions', () => {
    const directory = scratch()
    const file = join(directory, 'article.txt')
    copyFileSync(seed, file)
    chmodSync(file, 0o640)
    run(['--fix', file])
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(gold, 'utf8'))
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readdirSync(directory)).toEqual(['article.txt'])
  })

  it('reads standard input and writes the fixed text to stdout', () => {
    const {stdout} = run(['--fix', '-'], {input: 'They met through the video circle.\r\n'})
    expect(stdout).toBe('They met via videoconference.\r\n')
  })

  it('shows help and version', () => {
    expect(run(['--help']).stdout).toMatch(/^Usage: postedit \[options\] \[FILE\|FOLDER\|GLOB\|-\]\.\.\./)
    expect(run(['--version']).stdout).toBe(`${JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')).version}\n`)
  })

  it('exits 2 on a usage error', () => {
    const unknown = run(['--frobnicate', seed])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^postedit: Unknown option '--frobnicate'/)
    const format = run(['--format', 'xml', seed])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/unknown format `xml`/)
  })
})

describe('bad input', () => {
  const cases: Array<[string, (directory: string) => string, RegExp]> = [
    ['a missing file', (directory) => join(directory, 'missing.txt'), /missing\.txt: no such file$/],
    [
      'a folder with no articles',
      (directory) => {
        mkdirSync(join(directory, 'folder'))
        return join(directory, 'folder')
      },
      /folder: no files to check \(a folder is searched for \*\.txt, \*\.text, \*\.md, \*\.markdown, \*\.html, \*\.htm\)$/
    ],
    [
      'a binary file',
      (directory) => {
        writeFileSync(join(directory, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]))
        return join(directory, 'image.png')
      },
      /image\.png: looks like a binary file/
    ],
    [
      'invalid UTF-8',
      (directory) => {
        writeFileSync(join(directory, 'latin1.txt'), Buffer.from('Caf\xe9 through the video circle', 'latin1'))
        return join(directory, 'latin1.txt')
      },
      /latin1\.txt: is not valid UTF-8 text$/
    ]
  ]

  for (const [name, make, error] of cases) {
    it(`gives a one-line error for ${name}, exits 2 and modifies no file`, () => {
      const directory = scratch()
      const good = join(directory, 'good.txt')
      writeFileSync(good, 'They met through the video circle.\n')
      const bad = make(directory)
      const {code, stderr, stdout} = run(['--fix', good, bad])
      expect(code).toBe(2)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr.trim()).toMatch(error)
      expect(stderr).not.toMatch(/at .*\.js:\d+/)
      expect(stdout).toBe('')
      expect(readFileSync(good, 'utf8')).toBe('They met through the video circle.\n')
    })
  }

  it('refuses to rewrite a read-only file and leaves it as it was', () => {
    const directory = scratch()
    const file = join(directory, 'locked.txt')
    writeFileSync(file, 'They met through the video circle.\n')
    chmodSync(file, 0o444)
    const {code, stderr} = run(['--fix', file])
    expect(code).toBe(2)
    expect(stderr).toMatch(/locked\.txt: is read-only; not rewritten/)
    expect(readFileSync(file, 'utf8')).toBe('They met through the video circle.\n')
  })
})
