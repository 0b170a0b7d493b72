import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {moveHeldWordSetsTo} from '../src/infra/snapshot-files.js'
import {holdForSnapshot, WordSet} from '../src/infra/word-set.js'

const folder = mkdtempSync(join(tmpdir(), 'postedit-word-sets-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('word sets moved out of the startup snapshot', () => {
  it('answer as before once read back from the file', () => {
    const latin = ['Beirut', 'café', 'naïve', 'Zürich', 'al-Kadhimi', 'the']
    // Odd lengths, so the second set's part starts off a multiple of 4 unless padded.
    const wide = ['Łódź', 'İstanbul', 'القاهرة', 'x']
    const sets = [holdForSnapshot(new WordSet(latin)), holdForSnapshot(new WordSet(wide)), holdForSnapshot(new WordSet(['a']))]
    const before = sets.map((set) => [...set])
    const file = join(folder, 'word-sets.bin')
    moveHeldWordSetsTo(file)
    expect(statSync(file).size % 4).toBe(0)
    expect(sets.map((set) => [...set])).toEqual(before)
    expect(sets.map((set) => set.size)).toEqual([6, 4, 1])
    for (const word of latin) expect(sets[0]!.has(word)).toBe(true)
    for (const word of wide) expect(sets[1]!.has(word)).toBe(true)
    expect(sets[0]!.has('Lodz')).toBe(false)
    expect(sets[1]!.indexOf('x')).toBe(before[1]!.indexOf('x'))
  })
})
