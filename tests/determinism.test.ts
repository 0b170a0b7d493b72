import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'

// Issue 11: the same text with the same options gives the same messages in any
// order and in any process, whatever packs other calls loaded before.
const library = resolve(import.meta.dirname, '../dist/index.js')
const directory = mkdtempSync(join(tmpdir(), 'postedit-determinism-'))
// A pack whose replacement writes a misspelling and whose examples teach the speller the word.
const extraPack = join(directory, 'extra.yml')
writeFileSync(
  extraPack,
  `pack: extra
description: A desk pack that writes an unusual word.
entries:
  - id: board
    type: substitution
    match: [the counsel of ministers]
    replace: the goverment board
    note: A test pack.
    examples:
      - in: He spoke to the counsel of ministers.
        out: He spoke to the goverment board.
`
)

const TEXTS = [
  'The goverment of the province raised taxes on fuel; the counsel of ministers met on Sunday.',
  'The council organised a programme to repaint the centre in a grey colour.',
  'The color of the center was gray , and the the minister spoke through the video circle.'
]
const OPTIONS = [{packs: ['default']}, {packs: ['default', extraPack]}, {dictionary: 'en-GB'}, {}]
const CASES = TEXTS.flatMap((_, text) => OPTIONS.map((__, options) => [text, options] as const))

/** Run the cases in `order` in a fresh Node process; messages per case, keyed `text/options`. */
async function runInProcess(order: ReadonlyArray<readonly [number, number]>): Promise<Record<string, string[]>> {
  const script = `
    const {posteditSync} = await import(${JSON.stringify(library)})
    const [texts, options, order] = JSON.parse(process.argv[1])
    const out = {}
    for (const [text, option] of order) {
      out[text + '/' + option] = posteditSync(texts[text], {...options[option], fix: false}).messages.map((m) => m.ruleId + ' ' + String(m) + ' ' + JSON.stringify(m.fix ?? null))
    }
    process.stdout.write(JSON.stringify(out))`
  const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([TEXTS, OPTIONS, order])], {encoding: 'utf8', maxBuffer: 1 << 26})
  return JSON.parse(stdout) as Record<string, string[]>
}

describe('the same text with the same options', () => {
  it('gets identical messages in different orders and in two processes, with and without extra packs', async () => {
    // Two processes side by side, one with every case in the opposite order: the extra pack loads first there.
    const [forward, backward] = await Promise.all([runInProcess(CASES), runInProcess([...CASES].reverse())])
    expect(backward).toEqual(forward)
    // The extra pack changes its own processor's verdict on `goverment` and nobody else's.
    const misspelt = (key: string) => forward[key]!.some((message) => message.startsWith('spelling.misspelling') && message.includes('goverment'))
    expect(misspelt('0/0')).toBe(true)
    expect(misspelt('0/1')).toBe(false)
    expect(misspelt('0/3')).toBe(true)
  }, 120_000)
})
