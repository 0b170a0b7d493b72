import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rulesMarkdown} from '../src/packs/docs.js'
import {readPack} from '../src/packs/load.js'
import {packFiles} from '../src/packs/registry.js'

describe('docs/rules.md', () => {
  it('is what the packs generate (run `npm run docs` after changing a pack)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../docs/rules.md'), 'utf8')
    expect(committed).toBe(rulesMarkdown(packFiles('default').map(readPack)))
  })
})
