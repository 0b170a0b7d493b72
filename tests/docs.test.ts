import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rulesMarkdown} from '../src/packs/docs.js'
import {readPack} from '../src/packs/load.js'
import {packFiles} from '../src/packs/registry.js'
import {CODE_RULES} from '../src/rules/registry.js'

describe('docs/rules.md', () => {
  it('is what the packs generate (run `npm run docs` after changing a pack)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../docs/rules.md'), 'utf8')
    expect(committed).toBe(rulesMarkdown(packFiles('default').map(readPack), CODE_RULES))
  })
})

describe('entries per family and desk', () => {
  it('counts each desk of a family and their total', async () => {
    const {parsePack} = await import('../src/packs/load.js')
    const entry = (id: string) => `  - id: ${id}\n    type: existence\n    match: ${id} phrase\n    note: n\n    examples: [{in: "a ${id} phrase"}]\n`
    const packs = [
      parsePack(`pack: calques.sport\ndescription: d\nentries:\n${entry('a')}${entry('b')}`, 'calques-sport.yml'),
      parsePack(`pack: calques.health\ndescription: d\nentries:\n${entry('c')}`, 'calques-health.yml'),
      parsePack(`pack: terms\ndescription: d\nentries:\n${entry('d')}`, 'terms.yml')
    ]
    const markdown = rulesMarkdown(packs)
    expect(markdown).toContain('| calques | sport | 2 |\n| calques | health | 1 |\n| calques | **all desks** | **3** |\n| terms | general | 1 |')
  })
})
