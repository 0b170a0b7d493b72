import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import type {AddressInfo} from 'node:net'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {postedit as nodePostedit} from '../src/index.js'
import {playgroundServer, servedFile} from '../src/cli/serve.js'

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

  it('gives the library’s spelling verdicts under each dictionary variety', async () => {
    const text = 'On the 21st, in the 1990s, the colour of the 3rd flag was a colr they favor.'
    for (const dictionary of ['en', 'en-US', 'en-GB'] as const) {
      const [browser, node] = await Promise.all([bundle.postedit(text, {dictionary}), nodePostedit(text, {dictionary})])
      expect(summary(browser.messages)).toEqual(summary(node.messages))
    }
    const british = await bundle.postedit(text, {dictionary: 'en-GB'})
    expect(british.messages.map((message) => [message.ruleId, message.actual])).toContainEqual(['spelling.variety', 'favor'])
  }, 120_000)

  it('refuses a pack path it cannot read, saying only the default packs are bundled', async () => {
    await expect(bundle.postedit('Text.', {packs: ['house.yml']})).rejects.toThrow('pack `house.yml` is not in the browser data; only `default` is bundled')
  })

  it('refuses data of another format', () => {
    expect(() => bundle.installBundledData({format: 99} as never)).toThrow('not a postedit data file of format 2')
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

describe('postedit serve over HTTP', () => {
  it('leads / to the playground, serves the page and the bundle with their types, and refuses the rest', async () => {
    const server = playgroundServer(fileURLToPath(new URL('../', import.meta.url)))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const top = await fetch(`${base}/`, {redirect: 'manual'})
      expect([top.status, top.headers.get('location')]).toEqual([302, '/docs/playground/'])
      const page = await fetch(`${base}/docs/playground/`)
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
      expect(await page.text()).toContain('<script type="module" src="playground.js"></script>')
      const bundle = await fetch(`${base}/dist/browser/postedit.js`)
      expect([bundle.status, bundle.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])
      expect((await fetch(`${base}/package.json`)).status).toBe(404)
      expect((await fetch(`${base}/dist/cli.js`)).status).toBe(404)
      expect((await fetch(`${base}/docs/playground/`, {method: 'POST'})).status).toBe(405)
    } finally {
      server.close()
    }
  })

  it('refuses a port that is not a number, with its usage', () => {
    const result = spawnSync(process.execPath, [fileURLToPath(new URL('../dist/cli.js', import.meta.url)), 'serve', '--port', 'http'], {encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('postedit: --port takes a number from 0 to 65535, not `http`\nUsage: postedit serve [--port N] [--host HOST]   (the playground at http://HOST:N/; --port 0: any free port)\n')
  })
})
