import {execFileSync} from 'node:child_process'
import {chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const cli = resolve('dist/cli.js')
const root = mkdtempSync(join(tmpdir(), 'postedit-cache-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

const ARTICLE = 'The ministers met through the video circle on Monday.\n'
const FIXED = 'The ministers met via videoconference on Monday.\n'

/** `--fix --stdout` on the article in a folder without node_modules, with `env` on top of a clean environment. */
function fix(env: Record<string, string>): string {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(POSTEDIT_|XDG_CACHE_HOME$|TMPDIR$)/.test(name)))
  try {
    return execFileSync(process.execPath, [cli, '--fix', '--stdout', 'article.txt'], {cwd: join(root, 'articles'), env: {...clean, HOME: join(root, 'home'), ...env}, encoding: 'utf8'})
  } catch (error) {
    return (error as {stdout: string}).stdout
  }
}

/** The entry of `folder` that holds the calques pack, and its JSON. */
function calquesEntry(folder: string): {name: string; json: string} {
  for (const name of readdirSync(folder)) {
    const text = readFileSync(join(folder, name), 'utf8')
    if (text.includes('via videoconference')) return {name, json: text.slice(text.indexOf('\n') + 1)}
  }
  throw new Error(`no calques entry in ${folder}`)
}

const poisoned = (json: string) => json.replaceAll('via videoconference', 'ATTACKER TEXT')
const seal = (json: string) => `${createHash('sha256').update(json).digest('hex')}\n${json}`

describe('the validated-data cache cannot be poisoned by another user', () => {
  let own = ''
  beforeAll(() => {
    mkdirSync(join(root, 'articles'))
    mkdirSync(join(root, 'home'))
    writeFileSync(join(root, 'articles', 'article.txt'), ARTICLE)
    own = join(root, 'own-cache')
    expect(fix({POSTEDIT_CACHE_DIR: own, TMPDIR: join(root, 'articles')})).toBe(FIXED)
  })

  it('creates its folder private to the user and seals each entry with its hash', () => {
    expect(statSync(own).mode & 0o777).toBe(0o700)
    const {name, json} = calquesEntry(own)
    expect(statSync(join(own, name)).mode & 0o077).toBe(0)
    expect(readFileSync(join(own, name), 'utf8')).toBe(seal(json))
  })

  it('never reads entries planted in the shared temporary folder', () => {
    const temporary = join(root, 'tmp')
    mkdirSync(join(temporary, 'postedit-cache'), {recursive: true})
    const {name, json} = calquesEntry(own)
    // What an attacker planted for earlier versions: plain JSON in $TMPDIR/postedit-cache.
    writeFileSync(join(temporary, 'postedit-cache', name), poisoned(json))
    writeFileSync(join(temporary, 'postedit-cache', `${name}.sealed`), seal(poisoned(json)))
    expect(fix({TMPDIR: temporary, XDG_CACHE_HOME: join(root, 'xdg')})).toBe(FIXED)
    expect(statSync(join(root, 'xdg', 'postedit')).mode & 0o777).toBe(0o700)
  })

  it('ignores a cache folder others may write to, even with well-sealed entries', () => {
    const shared = join(root, 'world-writable')
    cpSync(own, shared, {recursive: true})
    chmodSync(shared, 0o777)
    const {name, json} = calquesEntry(shared)
    writeFileSync(join(shared, name), seal(poisoned(json)))
    expect(fix({POSTEDIT_CACHE_DIR: shared})).toBe(FIXED)
  })

  it.runIf(process.getuid?.() === 0)('ignores a cache folder another user owns', () => {
    const foreign = join(root, 'foreign')
    cpSync(own, foreign, {recursive: true})
    const {name, json} = calquesEntry(foreign)
    writeFileSync(join(foreign, name), seal(poisoned(json)))
    chmodSync(foreign, 0o755)
    chownSync(foreign, 65534, 65534)
    expect(fix({POSTEDIT_CACHE_DIR: foreign})).toBe(FIXED)
  })

  it('treats an entry whose hash does not match as a miss', () => {
    const {name, json} = calquesEntry(own)
    const text = readFileSync(join(own, name), 'utf8')
    writeFileSync(join(own, name), text.slice(0, 65) + poisoned(json))
    expect(fix({POSTEDIT_CACHE_DIR: own})).toBe(FIXED)
    // The miss was checked again and stored afresh.
    expect(readFileSync(join(own, name), 'utf8')).toBe(seal(json))
  })

  it('keeps nothing with POSTEDIT_CACHE=0', () => {
    const off = join(root, 'off')
    expect(fix({POSTEDIT_CACHE: '0', POSTEDIT_CACHE_DIR: off})).toBe(FIXED)
    expect(() => statSync(off)).toThrow()
  })
})
