import {spawn} from 'node:child_process'
import {chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, run, scratch} from './support/cli.js'

const article = 'They met through the video circle.\n'
const fixed = 'They met via videoconference.\n'
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

describe('--fix and links (issue 10, item 7)', () => {
  it('fixes the target of a symbolic link and keeps the link a link', () => {
    const directory = scratch()
    mkdirSync(join(directory, 'store'))
    writeFileSync(join(directory, 'store', 'real.txt'), article)
    symlinkSync('store/real.txt', join(directory, 'link.txt'))
    const {code} = run(['--fix', 'link.txt'], {cwd: directory})
    expect(code).toBe(0)
    expect(lstatSync(join(directory, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(directory, 'link.txt'))).toBe('store/real.txt')
    expect(readFileSync(join(directory, 'store', 'real.txt'), 'utf8')).toBe(fixed)
    expect(readdirSync(join(directory, 'store'))).toEqual(['real.txt'])
  })

  it('keeps both names of a hard-linked file pointing at the same, fixed file', () => {
    const directory = scratch()
    writeFileSync(join(directory, 'a.txt'), article)
    linkSync(join(directory, 'a.txt'), join(directory, 'b.txt'))
    const inode = statSync(join(directory, 'a.txt')).ino
    run(['--fix', 'a.txt'], {cwd: directory})
    expect(readFileSync(join(directory, 'b.txt'), 'utf8')).toBe(fixed)
    expect(statSync(join(directory, 'a.txt')).ino).toBe(inode)
    expect(statSync(join(directory, 'b.txt')).nlink).toBe(2)
    expect(readdirSync(directory).sort()).toEqual(['a.txt', 'b.txt'])
  })

  it.runIf(isRoot)('keeps the owner and mode of a file it rewrites (run as root)', () => {
    const directory = scratch()
    const file = join(directory, 'a.txt')
    writeFileSync(file, article)
    chownSync(file, 4321, 4322)
    chmodSync(file, 0o664)
    run(['--fix', file])
    expect(readFileSync(file, 'utf8')).toBe(fixed)
    const stats = statSync(file)
    expect([stats.uid, stats.gid, stats.mode & 0o777]).toEqual([4321, 4322, 0o664])
  })

  it('does not follow folder links when searching a folder, and checks each real file once', () => {
    const directory = scratch()
    mkdirSync(join(directory, 'news'))
    writeFileSync(join(directory, 'news', 'a.txt'), article)
    symlinkSync('..', join(directory, 'news', 'loop'))
    symlinkSync('news', join(directory, 'mirror'))
    symlinkSync('a.txt', join(directory, 'news', 'alias.txt'))
    // A link to a file elsewhere is that file: it is checked.
    const elsewhere = scratch()
    writeFileSync(join(elsewhere, 'wire.txt'), article)
    symlinkSync(join(elsewhere, 'wire.txt'), join(directory, 'news', 'wire.txt'))
    const {stdout} = run(['--format', 'json', '.', 'news/a.txt', 'mirror/a.txt'], {cwd: directory})
    const report = JSON.parse(stdout) as Array<{path: string}>
    expect(report.map((entry) => entry.path)).toEqual(['news/a.txt', 'news/wire.txt'])
  })
})

describe('reports that tell the truth (issue 10, item 8)', () => {
  it('reports what remains in a file --fix could not write, and the write error', () => {
    const directory = scratch()
    const file = join(directory, 'locked.txt')
    writeFileSync(file, article)
    chmodSync(file, 0o444)
    const stylish = run(['--fix', 'locked.txt'], {cwd: directory})
    expect(stylish.code).toBe(2)
    expect(stylish.stderr).toContain('postedit: locked.txt: is read-only; not rewritten\n')
    expect(stylish.stdout).toMatch(/1:10-1:34\s+warning\s+Unexpected `through the video circle`/)
    expect(stylish.stdout).not.toContain('no issues found')
    const json = run(['--fix', '--format', 'json', 'locked.txt'], {cwd: directory})
    const [entry] = JSON.parse(json.stdout) as Array<{messages: Array<{ruleId: string}>}>
    expect(entry!.messages.map((message) => message.ruleId)).toContain('calques.video-circle')
    expect(readFileSync(file, 'utf8')).toBe(article)
  })

  it('with --quiet, says nothing about the warnings it hides and exits as without it', () => {
    const directory = scratch()
    writeFileSync(join(directory, 'a.txt'), article)
    const quiet = run(['--quiet', 'a.txt'], {cwd: directory})
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', ''])
    const strict = run(['--quiet', '--max-warnings', '0', 'a.txt'], {cwd: directory})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toBe('')
    expect(strict.stderr).toBe('postedit: too many warnings (1, maximum 0; --quiet does not show them)\n')
  })

  it('stops cleanly on Ctrl-C: exit 130, no temporary file beside the articles', async () => {
    const directory = scratch()
    for (let index = 0; index < 400; index++) writeFileSync(join(directory, `article-${String(index).padStart(3, '0')}.txt`), article)
    const child = spawn(process.execPath, [cli, '--fix', '.'], {cwd: directory, stdio: 'ignore', env: {...process.env, POSTEDIT_WORKERS: '1'}})
    const exit = new Promise<[number | null, string | null]>((resolvePromise) => child.once('exit', (code, signal) => resolvePromise([code, signal])))
    await new Promise<void>((resolvePromise) => {
      const timer = setInterval(() => {
        const some = readdirSync(directory).some((name) => name.endsWith('.txt') && readFileSync(join(directory, name), 'utf8') === fixed)
        if (some || child.exitCode !== null) {
          clearInterval(timer)
          child.kill('SIGINT')
          resolvePromise()
        }
      }, 10)
    })
    const [code, signal] = await exit
    expect({code, signal}).toEqual({code: 130, signal: null})
    const names = readdirSync(directory)
    expect(names.filter((name) => !/^article-\d{3}\.txt$/.test(name))).toEqual([])
    for (const name of names) expect([article, fixed]).toContain(readFileSync(join(directory, name), 'utf8'))
  })
})

describe('text encodings and line endings (issue 10, item 14)', () => {
  it('reads UTF-16 files with a byte order mark and writes them back as UTF-16', () => {
    const directory = scratch()
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')])
    const big = Buffer.from(little).swap16()
    writeFileSync(join(directory, 'le.txt'), little)
    writeFileSync(join(directory, 'be.txt'), big)
    const {stdout, code} = run(['--format', 'json', 'le.txt', 'be.txt'], {cwd: directory})
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; column: number}>}>
    expect(report.map((entry) => entry.messages.map((message) => [message.ruleId, message.column]))).toEqual([
      [['calques.video-circle', 10]],
      [['calques.video-circle', 10]]
    ])
    run(['--fix', 'le.txt', 'be.txt'], {cwd: directory})
    const fixedLittle = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')])
    expect(readFileSync(join(directory, 'le.txt'))).toEqual(fixedLittle)
    expect(readFileSync(join(directory, 'be.txt'))).toEqual(Buffer.from(fixedLittle).swap16())
  })

  it('does not count a UTF-8 byte order mark as a column of line 1, and keeps it', () => {
    const directory = scratch()
    writeFileSync(join(directory, 'bom.txt'), `\uFEFF${article}`)
    const {stdout} = run(['bom.txt'], {cwd: directory})
    expect(stdout).toMatch(/^1:10-1:34\s+warning/m)
    const fix = run(['--fix', '--stdout', 'bom.txt'], {cwd: directory})
    expect(fix.stdout).toBe(`\uFEFF${fixed}`)
  })

  it('reads old Mac line endings (CR only) as lines', () => {
    const seed = resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a')
    const directory = scratch()
    const toCr = (text: string) => text.replaceAll('\n', '\r')
    writeFileSync(join(directory, 'cr.txt'), toCr(readFileSync(`${seed}.txt`, 'utf8')))
    const {stdout} = run(['--fix', '--stdout', 'cr.txt'], {cwd: directory})
    expect(stdout).toBe(toCr(readFileSync(`${seed}.gold.txt`, 'utf8')))
  })
})
