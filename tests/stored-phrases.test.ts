import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it, vi} from 'vitest'

// A cache of this file's own: the first load compiles the shipped packs and
// stores them, the second (a fresh registry) reads them back branch by branch.
const cache = mkdtempSync(join(tmpdir(), 'postedit-stored-phrases-'))
process.env.POSTEDIT_CACHE_DIR = cache
afterAll(() => rmSync(cache, {recursive: true, force: true}))

const {loadRules, packFiles} = await import('../src/packs/registry.js')
const {readPack} = await import('../src/packs/load.js')
const {findInText} = await import('../src/packs/verify.js')
const compiled = loadRules()
vi.resetModules()
const stored = (await import('../src/packs/registry.js')).loadRules()
const {findInText: findInStored} = await import('../src/packs/verify.js')

/** Every example and guardrail text of the shipped packs. */
const texts = packFiles('default').flatMap((file) =>
  readPack(file).entries.flatMap((entry) => [...(entry.examples ?? []).map((example) => example.in), ...(entry.keep ?? [])])
)

const plain = (findings: ReturnType<typeof findInText>) => findings.map(({ruleId, start, end, expected, fix}) => ({ruleId, start, end, expected, fix}))

describe('the pack matcher read back from the cache', () => {
  it('is not the compiled one: its branches are read as texts reach them', () => {
    expect(stored).not.toBe(compiled)
    expect(stored.phrases.size).toBe(compiled.phrases.size)
  })

  it('finds exactly what the compiled packs find in every example and guardrail of the shipped packs', () => {
    expect(texts.length).toBeGreaterThan(3000)
    const differing = texts.filter((text) => JSON.stringify(plain(findInStored(stored, text))) !== JSON.stringify(plain(findInText(compiled, text))))
    expect(differing).toEqual([])
  })

  it('fixes a calque from a branch read back', () => {
    const findings = findInStored(stored, 'The ministers met through the video circle on Monday.')
    expect(findings.map((finding) => [finding.actual, finding.expected])).toContainEqual(['through the video circle', ['via videoconference']])
  })
})
