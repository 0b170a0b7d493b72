import {mkdtempSync, rmSync, statSync, truncateSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {Held, holdForSnapshot, holdWhileBuildingSnapshot} from '../src/infra/held.js'
import {moveHeldDataTo} from '../src/infra/snapshot-files.js'
import {WordSet} from '../src/infra/word-set.js'

const folder = mkdtempSync(join(tmpdir(), 'postedit-held-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('data moved out of the startup snapshot', () => {
  it('reads back as it was, on first use', () => {
    // Held only while a snapshot is built: this one is not moved.
    const before = holdForSnapshot(new WordSet(['kept', 'in', 'memory']))
    holdWhileBuildingSnapshot()
    const latin = ['Beirut', 'café', 'naïve', 'Zürich', 'al-Kadhimi', 'the']
    // Odd lengths, so the next part starts off a multiple of 4 unless padded.
    const wide = ['Łódź', 'İstanbul', 'القاهرة', 'x']
    const sets = [holdForSnapshot(new WordSet(latin)), holdForSnapshot(new WordSet(wide)), holdForSnapshot(new WordSet(['a']))]
    const texts = [new Held('receive->receive\nteh->the'), new Held('“quoted” القاهرة')]
    const bytes = new Held(new Uint8Array([1, 2, 3, 250, 7]))
    const words = sets.map((set) => [...set])
    const file = join(folder, 'held.bin')
    moveHeldDataTo(file)
    expect(statSync(file).size % 4).toBe(0)
    expect(sets.map((set) => [...set])).toEqual(words)
    expect(sets.map((set) => set.size)).toEqual([6, 4, 1])
    for (const word of latin) expect(sets[0]!.has(word)).toBe(true)
    for (const word of wide) expect(sets[1]!.has(word)).toBe(true)
    expect(sets[0]!.has('Lodz')).toBe(false)
    expect(sets[1]!.indexOf('x')).toBe(words[1]!.indexOf('x'))
    expect(texts.map((held) => held.value)).toEqual(['receive->receive\nteh->the', '“quoted” القاهرة'])
    expect([...bytes.value]).toEqual([1, 2, 3, 250, 7])
    expect([...before]).toEqual(['in', 'kept', 'memory'])
  })

  it('refuses a file cut short instead of reading garbage', () => {
    holdWhileBuildingSnapshot()
    const set = holdForSnapshot(new WordSet(['one', 'two', 'three']))
    const file = join(folder, 'cut.bin')
    moveHeldDataTo(file)
    truncateSync(file, 8)
    expect(() => set.has('one')).toThrow(/not the one the startup snapshot was built with/)
  })
})
