import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {countWords, errorClassOf, qualityScore} from '../src/engine/quality-score.js'

const cli = resolve(import.meta.dirname, '../dist/cli.js')

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', cwd, env: {...process.env, NO_COLOR: '1', POSTEDIT_WORKERS: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const CLEAN = 'The minister met the delegation in Cairo on Monday and discussed the water talks.\n'
const DIRTY = 'Approved the cabinet the new budget. Talks resumed on the nuclear file through the video circle.\n'

describe('quality score', () => {
  it('is 0 for an article with nothing to report', () => {
    expect(qualityScore(CLEAN, [])).toEqual({
      score: 0,
      words: 14,
      counts: {terms: 0, calques: 0, names: 0, artifacts: 0, spelling: 0, typography: 0, 'needs-human': 0, other: 0}
    })
  })

  it('weighs each message by class and severity, per 100 words', () => {
    // 20 words; a calque warning (3) and a needs-human warning (5) give 8 points: 40 per 100 words.
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    const result = qualityScore(text, [
      {ruleId: 'calques.file', severity: 'warning'},
      {ruleId: 'needs-human.verb-first', severity: 'warning'}
    ])
    expect(result.score).toBe(40)
    expect(result.counts.calques).toBe(1)
    expect(result.counts['needs-human']).toBe(1)
    // An info notice is a fifth of a warning; an error twice one.
    expect(qualityScore(text, [{ruleId: 'spelling.unknown-name', severity: 'info'}]).score).toBe(1)
    expect(qualityScore(text, [{ruleId: 'terms.covid-19', severity: 'error'}]).score).toBe(50)
  })

  it('puts every rule family in its class', () => {
    expect(['terms.corona', 'orgs.iaea', 'titles.near-eastern-affairs', 'names.variant', 'artifacts.source-trailer', 'house.video-circle'].map(errorClassOf)).toEqual([
      'terms',
      'terms',
      'terms',
      'names',
      'artifacts',
      'other'
    ])
  })

  it('counts words with apostrophes and hyphens as one', () => {
    expect(countWords('The government’s long-term plan, 2,000 homes.')).toBe(6)
  })
})

describe('quality score on the command line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'postedit-score-'))
  writeFileSync(join(folder, 'clean.txt'), CLEAN)
  writeFileSync(join(folder, 'dirty.txt'), DIRTY)

  it('gives each file its score, words and counts per class in JSON', () => {
    const {stdout} = run(['--format', 'json', 'clean.txt', 'dirty.txt'], folder)
    const [clean, dirty] = JSON.parse(stdout) as Array<{score: number; words: number; counts: Record<string, number>}>
    expect(clean).toMatchObject({score: 0, words: 14})
    expect(dirty!.counts).toMatchObject({calques: 2, 'needs-human': 1})
    expect(dirty!.score).toBeGreaterThan(clean!.score)
  })

  it('prints a summary table, worst first', () => {
    // Warnings alone fail only under --max-warnings (ESLint's convention).
    const {code, stdout} = run(['--summary', 'clean.txt', 'dirty.txt'], folder)
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^file\s+score\s+words\s+terms\s+calques\s+names\s+artifacts\s+spelling\s+typogr\.\s+human\s+other$/)
    expect(lines[1]).toMatch(/^dirty\.txt\s+\d+\.\d\d\s+16\s+0\s+2\s+0\s+0\s+0\s+0\s+1\s+0$/)
    expect(lines[2]).toMatch(/^clean\.txt\s+0\.00\s+14(?:\s+0){8}$/)
    expect(lines.at(-1)).toMatch(/^2 files\s+\d+\.\d\d\s+30\s/)
  })

  it('fails with --max-score only when a file scores above it', () => {
    expect(run(['--max-score', '0', '--max-warnings', '100', 'clean.txt'], folder).code).toBe(0)
    const above = run(['--max-score', '5', '--max-warnings', '100', 'dirty.txt'], folder)
    expect(above.code).toBe(1)
    expect(above.stderr).toMatch(/^postedit: dirty\.txt: quality score \d+\.\d\d is above --max-score 5\n$/)
    expect(run(['--max-score', '1000', '--max-warnings', '100', 'dirty.txt'], folder).code).toBe(0)
    expect(run(['--max-score', 'many', 'dirty.txt'], folder).code).toBe(2)
  })
})
