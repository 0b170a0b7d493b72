import {spawnSync} from 'node:child_process'
import {closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {chunkRanges, withChunkLimits} from '../src/engine/chunks.js'
import type {PosteditMessage} from '../src/engine/report.js'
import {posteditSync, type PosteditResult} from '../src/postedit.js'

const cli = resolve('dist/cli.js')
const folder = mkdtempSync(join(tmpdir(), 'postedit-huge-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

const seed = readFileSync('seeds/000_d42d0455121f1d6a.txt', 'utf8')

/** What a user sees of a result: each message's rule, place, text and fix, and the fixed text. */
function seen(result: PosteditResult) {
  const place = (message: PosteditMessage) => message.place as {start: {line: number; column: number; offset: number}; end: {offset: number}}
  return {
    value: result.value,
    messages: result.messages.map((message) => [message.ruleId, place(message).start.line, place(message).start.column, place(message).start.offset, place(message).end.offset, message.actual, message.fix ?? null, message.severity])
  }
}

describe('pieces of a long text', () => {
  it('cover the text in order, each at most the size, cut after blank lines where there are some', () => {
    const text = 'One paragraph here.\n\nA second one, longer than the first.\r\n\r\nThird.\nStill third.\n\nLast.'
    const ranges = chunkRanges(text, 40)
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual([
      'One paragraph here.\n\n',
      'A second one, longer than the first.\r\n\r\n',
      'Third.\nStill third.\n\nLast.'
    ])
  })

  it('cut an over-long paragraph at sentence ends, then line ends, then spaces, never inside a surrogate pair', () => {
    expect(chunkRanges('First line, no stop\nA sentence ends. Then\nmore', 30).map(([a, b]) => b - a)).toEqual([20, 26])
    expect(chunkRanges('Ends here.\nno stop\nnone', 22)).toEqual([[0, 11], [11, 23]])
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('a', ' ', '\n', '.', '\uD83D\uDE00', '\r'), maxLength: 300}), fc.integer({min: 4, max: 50}), (text, size) => {
        const ranges = chunkRanges(text, size)
        expect(ranges.map(([start, end]) => text.slice(start, end)).join('')).toBe(text)
        for (const [index, [start, end]] of ranges.entries()) {
          expect(end - start).toBeLessThanOrEqual(size)
          if (index > 0) expect(start).toBe(ranges[index - 1]![1])
          expect(end > start || text.length === 0).toBe(true)
          const code = text.charCodeAt(end - 1)
          if (end < text.length) expect(code >= 0xd800 && code <= 0xdbff).toBe(false)
        }
      })
    )
  })

  it('give what the whole text gives when pieces end at blank lines: places, fixes and boilerplate at both ends', () => {
    const text = [seed, seed, seed].join('\n\n')
    for (const fix of [false, true]) {
      const whole = seen(posteditSync(text, {fix}))
      expect(whole.messages.length).toBeGreaterThan(fix ? 0 : 20)
      for (const size of [600, 2000, 5000]) {
        expect(seen(withChunkLimits({threshold: 100, size}, () => posteditSync(text, {fix})))).toEqual(whole)
      }
    }
  })

  it('report an unknown name once, where it first occurs, with its count in the whole text', () => {
    // An unknown name is reported only with evidence of a garble: each paragraph names Baghdad, where a known name is close.
    const text = Array.from({length: 6}, (_, index) => `Paragraph ${index + 1}: officials in Baghdad said Erdogen would attend the meeting on Monday.`).join('\n\n')
    const pieces = withChunkLimits({threshold: 100, size: 150}, () => posteditSync(text))
    expect(pieces.messages.map((message) => [message.ruleId, (message.place as {start: {offset: number}}).start.offset, message.reason])).toEqual([
      ['spelling.unknown-name', 39, 'Unknown name `Erdogen` (6 times in this text), perhaps `Erdogan`']
    ])
    expect(seen(pieces)).toEqual(seen(posteditSync(text)))
  })

  it('map every message of a paragraph cut into pieces back to the right place in the file', () => {
    const line = 'On Monday the talks took place through the video circle , officials said.\n'
    const text = `Cairo talks\n\n${line.repeat(60)}`
    const result = withChunkLimits({threshold: 100, size: 500}, () => posteditSync(text, {fix: false}))
    expect(result.messages.filter((message) => message.ruleId === 'calques.video-circle')).toHaveLength(60)
    expect(seen(result)).toEqual(seen(posteditSync(text, {fix: false})))
    const fixed = withChunkLimits({threshold: 100, size: 500}, () => posteditSync(text, {fix: true})).value
    expect(fixed).toBe(`Cairo talks\n\n${'On Monday the talks took place via videoconference, officials said.\n'.repeat(60)}`)
  })
})

describe('inputs too large to check', () => {
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], {cwd: folder, encoding: 'utf8', input, env: {...process.env, POSTEDIT_WORKERS: '1'}})

  it('refuses a file over 64 MB with one line naming it, before reading it', () => {
    const big = join(folder, 'dump.txt')
    const descriptor = openSync(big, 'w')
    ftruncateSync(descriptor, 1024 * 1024 * 1024)
    closeSync(descriptor)
    const result = run(['dump.txt'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe("postedit: dump.txt: is 1024.0 MB, more than 64.0 MB (postedit's limit for one input); split it, or list it in .posteditignore\n")
  })

  it.runIf(existsSync('/dev/zero'))('stops reading a device that never ends', () => {
    const result = run(['/dev/zero'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe("postedit: /dev/zero: is more than 64.0 MB (postedit's limit for one input); split it, or list it in .posteditignore\n")
  })

  it('checks a text past the piece threshold with exact places', () => {
    // About 300 kB of the seed article, repeated: checked in pieces.
    const text = Array.from({length: Math.ceil(300_000 / seed.length)}, () => seed).join('\n\n')
    writeFileSync(join(folder, 'long.txt'), text)
    const output = spawnSync(process.execPath, [cli, '--format', 'json', '--max-warnings', '0', 'long.txt'], {cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, POSTEDIT_WORKERS: '1'}})
    expect(output.status).toBe(1)
    const [report] = JSON.parse(output.stdout) as Array<{messages: Array<{ruleId: string; actual: string; place: {start: {offset: number}; end: {offset: number}}}>}>
    const videoCircles = report!.messages.filter((message) => message.ruleId === 'calques.video-circle')
    expect(videoCircles).toHaveLength(Math.ceil(300_000 / seed.length))
    for (const message of videoCircles) expect(text.slice(message.place.start.offset, message.place.end.offset)).toBe(message.actual)
  })
})

describe('a folder with one file too large', () => {
  it('checks the other files, names the large one and exits 2', () => {
    const articles = join(folder, 'desk')
    mkdirSync(articles)
    writeFileSync(join(articles, 'talks.txt'), 'The ministers met through the video circle on Monday.\n')
    const descriptor = openSync(join(articles, 'archive.txt'), 'w')
    ftruncateSync(descriptor, 100 * 1024 * 1024)
    closeSync(descriptor)
    const result = spawnSync(process.execPath, [cli, '--fix', 'desk'], {cwd: folder, encoding: 'utf8', env: {...process.env, POSTEDIT_WORKERS: '1'}})
    expect(result.stderr).toBe("postedit: desk/archive.txt: is 100.0 MB, more than 64.0 MB (postedit's limit for one input); split it, or list it in .posteditignore\npostedit: applied 1 fix in 1 file\n")
    expect(readFileSync(join(articles, 'talks.txt'), 'utf8')).toBe('The ministers met via videoconference on Monday.\n')
    expect(result.status).toBe(2)
  })
})
