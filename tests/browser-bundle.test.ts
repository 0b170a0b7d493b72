import {readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import {postedit as nodePostedit} from '../src/index.js'
import {servedFile} from '../src/cli/serve.js'

/**
 * The browser bundle (dist/browser/postedit.js with data.json, built by
 * `npm run build`) run in Node: with the bundled data installed it must find
 * and fix exactly what the library finds and fixes reading files.
 */
type Bundle = typeof import('../src/browser.js')
let bundle: Bundle

beforeAll(async () => {
  bundle = (await import(new URL('../dist/browser/postedit.js', import.meta.url).href)) as Bundle
  bundle.installBundledData(JSON.parse(readFileSync(new URL('../dist/browser/data.json', import.meta.url), 'utf8')))
}, 120_000)

const seed = readFileSync(new URL('../seeds/000_d42d0455121f1d6a.txt', import.meta.url), 'utf8')
const gold = readFileSync(new URL('../seeds/000_d42d0455121f1d6a.gold.txt', import.meta.url), 'utf8')

const summary = (messages: Array<{ruleId?: string | null; place?: unknown; reason: string; fix?: unknown}>) =>
  messages.map((message) => {
    const place = message.place as {start: {offset: number}; end: {offset: number}}
    return [message.ruleId, place.start.offset, place.end.offset, message.reason, message.fix]
  })

describe('the browser bundle', () => {
  it('reports on the seed article exactly what the library reports', async () => {
    const [browser, node] = await Promise.all([bundle.postedit(seed), nodePostedit(seed)])
    expect(summary(browser.messages)).toEqual(summary(node.messages))
    expect(browser.messages.map((message) => message.ruleId)).toContain('calques.video-circle')
  }, 120_000)

  it('fixes the seed article into its gold text', async () => {
    expect((await bundle.postedit(seed, {fix: true})).value).toBe(gold)
  }, 120_000)

  it('checks spelling, names and sentence patterns from the bundled dictionaries and lists', async () => {
    const text = 'The goverment of Mustafa Al-Kazemi approved the plan, which he said it would help.'
    const [browser, node] = await Promise.all([bundle.postedit(text, {fix: true}), nodePostedit(text, {fix: true})])
    expect(browser.value).toBe('The government of Mustafa al-Kadhimi approved the plan, which he said it would help.')
    expect(browser.value).toBe(node.value)
    expect(summary(browser.messages)).toEqual(summary(node.messages))
  }, 120_000)

  it('refuses a pack path it cannot read, saying only the default packs are bundled', async () => {
    await expect(bundle.postedit('Text.', {packs: ['house.yml']})).rejects.toThrow('pack `house.yml` is not in the browser data; only `default` is bundled')
  })

  it('refuses data of another format', () => {
    expect(() => bundle.installBundledData({format: 99} as never)).toThrow('not a postedit data file of format 1')
  })
})

describe('postedit serve', () => {
  it('serves the playground and the bundle, and nothing else of the package', () => {
    expect(servedFile('/docs/playground/', '/pkg')).toBe('/pkg/docs/playground/index.html')
    expect(servedFile('/dist/browser/postedit.js?v=1', '/pkg')).toBe('/pkg/dist/browser/postedit.js')
    expect(servedFile('/package.json', '/pkg')).toBeUndefined()
    expect(servedFile('/docs/playground/../../package.json', '/pkg')).toBeUndefined()
    expect(servedFile('/docs/playground/%2e%2e/%2e%2e/src/cli.ts', '/pkg')).toBeUndefined()
    expect(servedFile('/dist/browser/..%5c..%5ccli.js', '/pkg')).toBeUndefined()
  })
})
