import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {importGlossary} from '../src/packs/import-glossary.js'
import {run, scratch} from './support/cli.js'

// A newsroom's own glossary, our own wording.
const glossary = [
  'Wrong form,Right form,Note',
  'the peace file,the peace process,Arabic milaf is a topic.',
  '"the Ministery of Health","the Ministry of Health",,The Ministery of Health said so.',
  'the security file,the security issue|the security dossier,"Several fit, so an editor chooses."',
  ''
].join('\n')

describe('postedit pack import', () => {
  it('turns a CSV glossary into a pack that loads, self-tests and fixes', () => {
    const directory = scratch()
    writeFileSync(join(directory, 'house-style.csv'), glossary)
    const imported = run(['pack', 'import', 'house-style.csv'], {cwd: directory})
    expect(imported.code).toBe(0)
    expect(imported.stderr).toBe('postedit: house-style.csv: 3 entries imported\n')
    expect(imported.stdout).toContain('pack: house-style\n')
    writeFileSync(join(directory, 'house.yml'), imported.stdout)
    const fixed = run(['--fix', '--stdout', '--packs', 'default', '--packs', 'house.yml', '--disable', 'spelling', '-'], {
      cwd: directory,
      input: 'Officials at the Ministery of Health discussed the peace file and the security file.\n'
    })
    expect(fixed.stdout).toBe('Officials at the Ministry of Health discussed the peace process and the security file.\n')
    const report = run(['--format', 'json', '--packs', 'house.yml', '--disable', 'spelling', '-'], {cwd: directory, input: 'They studied the security file.\n'})
    const [message] = (JSON.parse(report.stdout) as Array<{messages: Array<{ruleId: string; expected: string[]; fix?: unknown}>}>)[0]!.messages
    expect(message).toMatchObject({ruleId: 'house-style.the-security-file', expected: ['the security issue', 'the security dossier']})
    expect(message!.fix).toBeUndefined()
  })

  it('reports every problem of the file at once, each with its line, and writes no pack', () => {
    const directory = scratch()
    const lines = [
      'the budget file\tthe budget debate\t',
      '\tthe minister\t',
      'the oil file\t\t',
      'the water file\tthe water issue\t',
      'The Water  File\tthe water question\t',
      'the health file\tthe health file\t',
      'the {sector} file\tthe sector issue\t',
      'the trade file\tthe trade talks\tnote\tThey argued over the trade file.\textra',
      'the gas file\tthe gas deal\t\tThe gas dossier was discussed.'
    ]
    writeFileSync(join(directory, 'desk.tsv'), `${lines.join('\n')}\n`)
    const {code, stdout, stderr} = run(['pack', 'import', 'desk.tsv'], {cwd: directory})
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'postedit: desk.tsv:2: no wrong form in the first column',
      'postedit: desk.tsv:3: no right form for “the oil file” in the second column',
      'postedit: desk.tsv:5: “The Water  File” is already on line 4',
      'postedit: desk.tsv:6: the right form of “the health file” is the wrong form itself',
      'postedit: desk.tsv:7: unknown list `{sector}` (define it under `lists`)',
      'postedit: desk.tsv:8: 5 columns; a glossary has at most four: wrong form, right form, note, example',
      'postedit: desk.tsv:9: the example does not hold “the gas file”',
      'postedit: desk.tsv: 7 problems; no pack written'
    ])
  })

  it('reads a header-less glossary, quoted cells over several lines, and broken quoting by line', () => {
    const result = importGlossary('the peace file,the peace process,"Two\nlines."\n"broken,quote\n', 'g.csv')
    expect(result.problems.map((problem) => problem.line)).toEqual([3])
    expect(result.problems[0]!.problem).toMatch(/^not valid CSV/)
    const clean = importGlossary('\uFEFFthe peace file,the peace process,"Two\nlines."\nthe oil file,the oil issue,\n', 'g.csv')
    expect(clean.problems).toEqual([])
    expect(clean.entries).toBe(2)
  })

  it('refuses other pack commands with the usage', () => {
    const {code, stderr} = run(['pack', 'export', 'x.csv'])
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: postedit pack import')
  })
})
