import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {gazetteerCounts, rulesMarkdown} from '../src/packs/docs.js'
import {gazetteerFiles, readGazetteer} from '../src/names/load.js'
import {readPack} from '../src/packs/load.js'
import {packFiles} from '../src/packs/registry.js'
import {CODE_RULES} from '../src/rules/registry.js'

describe('docs/rules.md', () => {
  it('is what the packs generate (run `npm run docs` after changing a pack)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../docs/rules.md'), 'utf8')
    expect(committed).toBe(rulesMarkdown(packFiles('default').map(readPack), CODE_RULES, gazetteerCounts(gazetteerFiles('default').map(readGazetteer))))
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
    expect(markdown).toContain('| calques | sport | 2 |  |\n| calques | health | 1 |  |\n| calques | **all desks** | **3** |  |\n| terms | general | 1 |  |')
  })

  it('puts the names an orgs pack lists for the entity rule beside its entries', async () => {
    const {parsePack} = await import('../src/packs/load.js')
    const entry = `  - id: a\n    type: existence\n    match: a phrase\n    note: n\n    examples: [{in: "a a phrase"}]\n`
    const packs = [
      parsePack(`pack: orgs.sport\ndescription: d\nlists:\n  acronyms: [FIFA, CAF]\n  entities: [Al Ahly]\nentries:\n${entry}`, 'orgs-sport.yml'),
      parsePack(`pack: orgs\ndescription: d\nlists:\n  acronyms: [OPEC]\nentries:\n${entry}`, 'orgs.yml')
    ]
    expect(rulesMarkdown(packs)).toContain('| orgs | sport | 1 | 3 |\n| orgs | general | 1 | 1 |\n| orgs | **all desks** | **2** | **4** |')
  })
})

describe('gazetteer counts', () => {
  it('counts people, places, exonyms, regions and groups, and docs/rules.md says them', () => {
    const counts = gazetteerCounts([
      {gazetteer: 'people-gulf', kind: 'person', entities: [{}, {}, {kind: 'group'}]},
      {gazetteer: 'places', kind: 'place', entities: [{}, {kind: 'region'}]},
      {gazetteer: 'exonyms', kind: 'place', entities: [{}, {}, {}]},
      {gazetteer: 'groups', entities: [{kind: 'group'}]}
    ])
    expect(counts).toEqual({people: 2, places: 1, exonyms: 3, regions: 1, groups: 2})
    expect(rulesMarkdown([], [], {...counts, people: 3300})).toContain('3,300 people, 1 places, 3 exonyms, 1 regions, 2 groups.')
  })
})
