import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compilePacks} from '../src/packs/compile.js'
import {readPack} from '../src/packs/load.js'
import {PackError} from '../src/infra/pack-error.js'
import {postedit, posteditSync} from '../src/postedit.js'

const folder = mkdtempSync(join(tmpdir(), 'postedit-safety-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

let packCount = 0
/** A pack file of substitution entries `[id, from, to, example in, example out]`. */
function packOf(entries: Array<[string, string, string, string, string]>): string {
  const file = join(folder, `house-${++packCount}.yml`)
  const lines = ['pack: house', 'description: entries of a newsroom', 'entries:']
  for (const [id, from, to, input, output] of entries) {
    lines.push(`  - id: ${id}`, '    type: substitution', `    match: ${from}`, `    replace: ${to}`, '    fix: auto', '    note: a house rule', '    examples:', `      - in: ${input}`, `        out: ${output}`)
  }
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

describe('packs whose fixes would not be stable do not load', () => {
  it('refuses an entry whose replacement it matches again, naming file and line', () => {
    const file = packOf([['echo', 'talks', 'talks talks', 'The talks ended.', 'The talks talks ended.']])
    expect(() => readPack(file) && posteditSync('x', {packs: [file]})).toThrow(PackError)
    expect(() => posteditSync('x', {packs: [file]})).toThrow(`${file}:4:5: \`house.echo\`: its fix is not stable`)
  })

  it('refuses two entries that undo each other', () => {
    const file = packOf([
      ['east', 'Eastern Ghouta', 'East Ghouta', 'Shelling hit Eastern Ghouta.', 'Shelling hit East Ghouta.'],
      ['eastern', 'East Ghouta', 'Eastern Ghouta', 'Shelling hit East Ghouta.', 'Shelling hit Eastern Ghouta.']
    ])
    expect(() => posteditSync('x', {packs: [file]})).toThrow(/`house\.east`: its fix is not stable: .*`house\.eastern` matches "East Ghouta" again/)
  })

  it('refuses a house entry that a shipped entry undoes', () => {
    const file = packOf([['back', 'videoconference', 'video circle', 'They met by videoconference.', 'They met by video circle.']])
    // Loaded alone the entry is fine; beside the shipped calques it flips back and forth.
    expect(() => posteditSync('x', {packs: [file]})).not.toThrow()
    expect(() => posteditSync('x', {packs: ['default', file]})).toThrow(/`house\.back`: its fix is not stable: .*`calques\.video-circle`/)
  })

  it('keeps entries whose output nothing matches again', () => {
    const file = packOf([['summit', 'summit talks', 'summit', 'The summit talks ended.', 'The summit ended.']])
    expect(posteditSync('The summit talks ended.', {packs: [file], fix: true}).value).toBe('The summit ended.')
  })

  it('stops the fix loop when a fix keeps growing its own output', () => {
    // Compiled without the load-time checks, as a caller's own RuleSet could be.
    const file = join(folder, 'echo-unchecked.yml')
    writeFileSync(file, ['pack: echo', 'description: d', 'entries:', '  - {id: echo, type: substitution, match: talks, replace: talks talks, fix: auto, note: n, examples: [{in: The talks ended., out: The talks talks ended.}]}'].join('\n'))
    const rules = compilePacks([readPack(file)])
    const once = posteditSync('The talks ended.', {fix: true, rules})
    expect(once.value).toBe('The talks talks ended.')
  })
})

describe('the library checks what it is given', () => {
  it.each([
    [42, /input must be a string, a Uint8Array of UTF-8 text or a VFile, not a number 42/],
    [null, /not null/],
    [{}, /not an object/],
    [undefined, /not undefined|input must be/]
  ])('refuses %s as input with a TypeError', async (input, message) => {
    await expect(postedit(input as never)).rejects.toThrow(TypeError)
    await expect(postedit(input as never)).rejects.toThrow(message)
  })

  it('decodes bytes as UTF-8, in a VFile or on their own', async () => {
    const bytes = new TextEncoder().encode('Talks took place through the video circle in Homs – “today”.')
    const fromFile = await postedit(new VFile({value: bytes, path: 'a.txt'}), {fix: true})
    expect(fromFile.value).toBe('Talks took place via videoconference in Homs – “today”.')
    expect((await postedit(bytes, {fix: true})).value).toBe(fromFile.value)
  })

  it('never changes the caller’s VFile', async () => {
    const file = new VFile({value: 'Talks took place through the video circle.', path: 'article.txt'})
    const result = await postedit(file, {fix: true})
    expect(result.value).toBe('Talks took place via videoconference.')
    expect(file.value).toBe('Talks took place through the video circle.')
    expect(file.messages).toEqual([])
    expect(result.file).not.toBe(file)
    expect(result.file.path).toBe('article.txt')
  })

  it.each([
    [{disable: 'calques'}, /option `disable` must be an array of strings, not the string "calques"/],
    [{disable: ['calqes']}, /option `disable`: unknown rule id `calqes`/],
    [{words: 'X'}, /option `words` must be an array of strings/],
    [{fix: 'yes'}, /option `fix` must be true or false/],
    [{format: 'pdf'}, /option `format` must be 'text', 'markdown' or 'html'/],
    [{severities: {calques: 'loud'}}, /`calques` must be 'error', 'warning', 'info' or 'off'/],
    [{severities: {calqes: 'off'}}, /option `severities`: unknown rule id `calqes`/],
    [{fixx: true}, /unknown option `fixx`/],
    ['fix', /options must be an object/]
  ])('refuses the options %j with a TypeError naming the option', (options, message) => {
    expect(() => posteditSync('Talks resumed.', options as never)).toThrow(TypeError)
    expect(() => posteditSync('Talks resumed.', options as never)).toThrow(message)
  })

  it('accepts rule ids, packs, families and desks in disable and severities', () => {
    const result = posteditSync('Talks took place through the video circle , he said.', {
      disable: ['calques.video-circle', 'typography'],
      severities: {names: 'error', 'spelling.unknown-word': 'off'}
    })
    expect(result.messages).toEqual([])
  })
})
