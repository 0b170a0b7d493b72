import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run, scratch} from './support/cli.js'

// Our own sentences: one file with a certain fix, one with a spelling slip, one clean.
const articles: Record<string, string> = {
  'a.txt': 'The two leaders met through the video circle on Tuesday.\n',
  'b.txt': 'The governor visitted the flooded villages on Friday.\n',
  'c.txt': 'The committee will meet again next week.\n'
}

function folder(): string {
  const directory = scratch()
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(directory, name), text)
  return directory
}

/** Run with the cache, returning the files really checked (from the debug line) and the JSON report. */
function cached(directory: string, extra: string[] = []) {
  const result = run(['--cache', '--format', 'json', ...extra, '.'], {cwd: directory, env: {POSTEDIT_DEBUG_CACHE: '1'}})
  const line = /postedit: cache: checked (.*)\n/.exec(result.stderr)
  return {...result, checked: line ? (JSON.parse(line[1]!) as string[]) : undefined}
}

describe('--cache', () => {
  it('checks each file once, then replays the same report until a file changes', () => {
    const directory = folder()
    const first = cached(directory)
    expect(first.checked).toEqual(['a.txt', 'b.txt', 'c.txt'])
    expect(existsSync(join(directory, '.postedit-cache'))).toBe(true)
    const second = cached(directory)
    expect(second.checked).toEqual([])
    expect(second.stdout).toBe(first.stdout)
    expect(second.code).toBe(first.code)
    writeFileSync(join(directory, 'b.txt'), 'The governor visited the flooded villages on Friday.\n')
    const third = cached(directory)
    expect(third.checked).toEqual(['b.txt'])
    const report = JSON.parse(third.stdout) as Array<{messages: unknown[]}>
    expect(report[1]!.messages).toEqual([])
  })

  it('checks every file again when the configuration or the options change', () => {
    const directory = folder()
    cached(directory)
    writeFileSync(join(directory, '.posteditrc.yml'), 'words: [visitted]\n')
    expect(cached(directory).checked).toEqual(['a.txt', 'b.txt', 'c.txt'])
    expect(cached(directory).checked).toEqual([])
    expect(cached(directory, ['--disable', 'calques']).checked).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('still refuses an unknown rule id in the configuration when every file hits the cache', () => {
    const directory = folder()
    cached(directory)
    // An override for files that do not exist changes no file's settings, but its rule id is wrong all the same.
    writeFileSync(join(directory, '.posteditrc.yml'), 'overrides:\n  - files: "wires/*.txt"\n    rules: {calques.no-such-rule: off}\n')
    const broken = cached(directory)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/unknown rule id `calques\.no-such-rule`/)
  })

  it('checks every file again when a pack changes', () => {
    const directory = folder()
    writeFileSync(join(directory, 'house.yml'), readFileSync(join(import.meta.dirname, 'fixtures/cli/newsroom/house.yml'), 'utf8'))
    cached(directory, ['--packs', 'default', '--packs', 'house.yml'])
    expect(cached(directory, ['--packs', 'default', '--packs', 'house.yml']).checked).toEqual([])
    writeFileSync(join(directory, 'house.yml'), `${readFileSync(join(directory, 'house.yml'), 'utf8')}\n# edited\n`)
    expect(cached(directory, ['--packs', 'default', '--packs', 'house.yml']).checked).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('keeps the cache where --cache-location says', () => {
    const directory = folder()
    const location = join(scratch(), 'lint-cache.json')
    expect(cached(directory, ['--cache-location', location]).checked).toEqual(['a.txt', 'b.txt', 'c.txt'])
    expect(existsSync(location)).toBe(true)
    expect(cached(directory, ['--cache-location', location]).checked).toEqual([])
    expect(run(['--cache-location', location, '.'], {cwd: directory}).stderr).toMatch(/--cache-location goes with --cache/)
  })

  it('with --fix, remembers the fixed file and never skips a fix', () => {
    const directory = folder()
    const fixed = run(['--cache', '--fix', '--disable', 'spelling', '.'], {cwd: directory, env: {POSTEDIT_DEBUG_CACHE: '1'}})
    expect(fixed.stderr).toMatch(/checked \["a.txt","b.txt","c.txt"\]/)
    expect(readFileSync(join(directory, 'a.txt'), 'utf8')).toBe('The two leaders met via videoconference on Tuesday.\n')
    const again = run(['--cache', '--fix', '--disable', 'spelling', '.'], {cwd: directory, env: {POSTEDIT_DEBUG_CACHE: '1'}})
    expect(again.stderr).toMatch(/checked \[\]/)
    // A file put back to its old text is fixed again.
    writeFileSync(join(directory, 'a.txt'), articles['a.txt']!)
    run(['--cache', '--fix', '--disable', 'spelling', '.'], {cwd: directory})
    expect(readFileSync(join(directory, 'a.txt'), 'utf8')).toBe('The two leaders met via videoconference on Tuesday.\n')
  })
})

describe('--shard', () => {
  it('splits the files so that every file is in exactly one shard', () => {
    const directory = scratch()
    const names = Array.from({length: 11}, (_, index) => `story-${String.fromCharCode(107 - index)}.txt`)
    for (const name of names) writeFileSync(join(directory, name), 'The committee will meet again next week.\n')
    const shards = [1, 2, 3].map((index) => {
      const {stdout, code} = run(['--format', 'json', '--shard', `${index}/3`, '.'], {cwd: directory})
      expect(code).toBe(0)
      return (JSON.parse(stdout) as Array<{path: string}>).map((file) => file.path)
    })
    expect(shards.map((files) => files.length)).toEqual([4, 4, 3])
    expect(shards.flat().sort()).toEqual([...names].sort())
    // The same split on every run.
    expect(JSON.parse(run(['--format', 'json', '--shard', '2/3', '.'], {cwd: directory}).stdout).map((file: {path: string}) => file.path)).toEqual(shards[1])
  })

  it('refuses a shard that does not exist', () => {
    for (const shard of ['0/3', '4/3', '1/0', 'two']) {
      const {code, stderr} = run(['--shard', shard, 'a.txt'])
      expect(code).toBe(2)
      expect(stderr).toMatch(/--shard takes I\/N/)
    }
  })
})
