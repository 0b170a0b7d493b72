import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {posteditSync} from '../src/postedit.js'
import {cli} from './support/cli.js'

const FAR = 'The delegation brought qzxwvbt to the talks.'
const SLIPS = 'The goverment and the minestry and the parlament met.'
const ids = (text: string, options: Parameters<typeof posteditSync>[1]) => posteditSync(text, options).messages.map((message) => String(message.ruleId))

describe('spelling options', () => {
  it('reports every unknown word with allUnknown, and caps suggestions at max, from the library', () => {
    expect(ids(FAR, {})).toEqual([])
    expect(ids(FAR, {spelling: {allUnknown: true}})).toEqual(['spelling.unknown-word'])
    expect(ids(SLIPS, {spelling: {max: 1}})).toEqual(['spelling.misspelling', 'spelling.overflow'])
    expect(() => posteditSync(FAR, {spelling: {max: -1}})).toThrow(/option `spelling.max` must be a whole number/)
  })

  it('takes them from the command line and from the configuration', () => {
    const project = mkdtempSync(join(tmpdir(), 'postedit-spelling-options-'))
    writeFileSync(join(project, 'far.txt'), `${FAR}\n`)
    writeFileSync(join(project, 'slips.txt'), `${SLIPS}\n`)
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [cli, '--format', 'json', ...args], {cwd: project, encoding: 'utf8'})
      return (JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string}>}>).flatMap((file) => file.messages.map((message) => message.ruleId))
    }
    expect(run(['far.txt'])).toEqual([])
    expect(run(['--all-unknown', 'far.txt'])).toEqual(['spelling.unknown-word'])
    expect(run(['--max-suggestions', '1', 'slips.txt'])).toEqual(['spelling.misspelling', 'spelling.overflow'])
    writeFileSync(join(project, '.posteditrc.yml'), 'spelling:\n  allUnknown: true\n  max: 1\n')
    // Past the one suggested word, allUnknown still reports the other slips, without suggestions.
    expect(run(['far.txt', 'slips.txt'])).toEqual(['spelling.unknown-word', 'spelling.misspelling', 'spelling.overflow', 'spelling.unknown-word', 'spelling.unknown-word'])
    // Five runs of the command: more than the default timeout on a loaded machine.
  }, 120_000)
})
