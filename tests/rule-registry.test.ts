import {readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {postedit} from '../src/postedit.js'
import {loadRules} from '../src/packs/registry.js'
import {ruleCatalog} from '../src/rules/catalog.js'
import {CODE_RULES} from '../src/rules/registry.js'

const root = resolve(import.meta.dirname, '..')

/** Every file below `folder` whose name ends with one of `endings`. */
function filesBelow(folder: string, endings: readonly string[]): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => endings.some((ending) => name.endsWith(ending)))
    .map((name) => join(folder, name))
}

// A text of our own that trips most code rules at once: digits and punctuation
// from Arabic, a direction mark, spacing, doubled words, quotes, a misspelling,
// an unknown name, a British spelling and a garbled acronym.
const MIXED = [
  'The minister said on Sunday ، that ١٢ people were hurt\u200f in the the blast , and  more..',
  'He said : " the talks will continue . The word \u0627\u0644\u0633\u0644\u0627\u0645 was left untranslated.',
  'The goverment of Iraq colour asked the Unecso office and Whatsapp about Qarawzi.',
  'Approved the council the plan yesterday.'
].join('\n\n')

describe('the rule registry', () => {
  const catalog = ruleCatalog(loadRules())

  it('knows every rule id a plugin reports over the seeds, the fixtures and a mixed text', async () => {
    const texts = [
      ...filesBelow(join(root, 'seeds'), ['.txt']).map((file) => ({path: file, value: readFileSync(file, 'utf8')})),
      ...filesBelow(join(root, 'tests/fixtures'), ['.txt', '.md', '.html']).map((file) => ({path: file, value: readFileSync(file, 'utf8')})),
      {path: 'mixed.txt', value: MIXED}
    ]
    const reported = new Set<string>()
    for (const dictionary of ['en', 'en-GB'] as const) {
      for (const {path, value} of texts) {
        for (const message of (await postedit(new VFile({path, value}), {dictionary})).messages) reported.add(String(message.ruleId))
      }
    }
    const unknown = [...reported].filter((id) => !catalog.has(id))
    expect(unknown).toEqual([])
    // The mixed text reaches every family of code rules, so the check above is not empty.
    for (const family of ['typography.', 'spelling.', 'needs-human.']) expect([...reported].some((id) => id.startsWith(family))).toBe(true)
  })

  it('gives every code rule an id, a one-line description, fixability, a severity and a docs URL', () => {
    for (const rule of CODE_RULES) {
      expect(rule.id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/)
      expect(rule.description.length).toBeGreaterThan(10)
      expect(rule.description).not.toContain('\n')
      expect(typeof rule.fixable).toBe('boolean')
      expect(['error', 'warning', 'info']).toContain(rule.severity)
      expect(rule.url).toContain(`rules.md#${rule.id}`)
    }
    expect(new Set(CODE_RULES.map((rule) => rule.id)).size).toBe(CODE_RULES.length)
  })

  it('is the one place a code rule id is typed: each appears once in src/', () => {
    const sources = filesBelow(join(root, 'src'), ['.ts']).map((file) => ({file, text: readFileSync(file, 'utf8')}))
    const places = (id: string) => sources.flatMap(({file, text}) => text.split(`'${id}'`).slice(1).map(() => file.slice(root.length + 1)))
    const typedTwice = CODE_RULES.map((rule) => ({id: rule.id, places: places(rule.id)})).filter((rule) => rule.places.length !== 1)
    expect(typedTwice).toEqual([])
  })
})
