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
    // Without the startup snapshot, whose heap holds the shipped packs: these runs are about the disk cache.
    return execFileSync(process.execPath, [cli, '--fix', '--stdout', 'article.txt'], {cwd: join(root, 'articles'), env: {...clean, HOME: join(root, 'home'), POSTEDIT_SNAPSHOT: '0', ...env}, encoding: 'utf8'})
  } catch (error) {
    return (error as {stdout: string}).stdout
  }
}

/** The entry of `folder` that holds the calques pack, and its JSON. */
function calquesEntry(folder: string): {name: string; json: string} {
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.json'))) {
    const text = readFileSync(join(folder, name), 'utf8')
    if (text.includes('via videoconference')) return {name, json: text.slice(text.indexOf('\n') + 1)}
  }
  throw new Error(`no calques entry in ${folder}`)
}

const poisoned = (json: string) => json.replaceAll('via videoconference', 'ATTACKER TEXT')
const seal = (json: string) => `${createHash('sha256').update(json).digest('hex')}\n${json}`

/** The snapshot of `folder` that holds the compiled packs: 32 bytes of SHA-256, then V8-serialized bytes. */
function rulesSnapshot(folder: string): {name: string; bytes: Buffer} {
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.v8'))) {
    const stored = readFileSync(join(folder, name))
    if (stored.includes('via videoconference', 0, 'latin1') || stored.includes('via videoconference', 0, 'utf16le')) return {name, bytes: stored.subarray(32)}
  }
  throw new Error(`no rule-set snapshot in ${folder}`)
}

/**
 * The same bytes with the calque's replacement written over (same length, so
 * it still deserializes); V8 writes a string as Latin-1 or UTF-16 bytes.
 */
function poisonedBytes(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes)
  for (const encoding of ['latin1', 'utf16le'] as const) {
    const [from, to] = [Buffer.from('via videoconference', encoding), Buffer.from('ATTACKER TEXT XXXXX', encoding)]
    for (let at = copy.indexOf(from); at !== -1; at = copy.indexOf(from, at + to.length)) to.copy(copy, at)
  }
  return copy
}
const sealBytes = (bytes: Buffer) => Buffer.concat([createHash('sha256').update(bytes).digest(), bytes])

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
    const snapshot = rulesSnapshot(shared)
    writeFileSync(join(shared, snapshot.name), sealBytes(poisonedBytes(snapshot.bytes)))
    expect(fix({POSTEDIT_CACHE_DIR: shared})).toBe(FIXED)
  })

  it('uses a well-sealed snapshot of the compiled packs in its own folder, and a tampered one never', () => {
    const copy = join(root, 'own-copy')
    cpSync(own, copy, {recursive: true})
    const snapshot = rulesSnapshot(copy)
    // Sealed again: the run reads it (what a snapshot hit does), so the poisoned text shows.
    writeFileSync(join(copy, snapshot.name), sealBytes(poisonedBytes(snapshot.bytes)))
    expect(fix({POSTEDIT_CACHE_DIR: copy})).toBe(FIXED.replace('via videoconference', 'ATTACKER TEXT XXXXX'))
    // Not sealed again: a miss, so the packs are compiled afresh and the snapshot rewritten.
    writeFileSync(join(copy, snapshot.name), Buffer.concat([createHash('sha256').update(snapshot.bytes).digest(), poisonedBytes(snapshot.bytes)]))
    expect(fix({POSTEDIT_CACHE_DIR: copy})).toBe(FIXED)
    // Stored afresh, sealed, without the tampered text.
    const fresh = readFileSync(join(copy, snapshot.name))
    expect(createHash('sha256').update(fresh.subarray(32)).digest().equals(fresh.subarray(0, 32))).toBe(true)
    expect(fresh.includes('ATTACKER', 0, 'latin1') || fresh.includes('ATTACKER', 0, 'utf16le')).toBe(false)
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
    // The compiled packs' snapshot too, so that the pack entry itself is read.
    const snapshot = rulesSnapshot(own)
    writeFileSync(join(own, snapshot.name), Buffer.concat([createHash('sha256').update(snapshot.bytes).digest(), poisonedBytes(snapshot.bytes)]))
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
