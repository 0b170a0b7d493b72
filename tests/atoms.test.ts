import {describe, expect, it} from 'vitest'
import {atomize, atomizeRange} from '../src/infra/atoms.js'

describe('atoms', () => {
  it('are runs of letters or digits with what joins each to the one before', () => {
    const text = 'Covid19 in al-Ḥilla. Sana’a 2,5 𝐀𝐁c\n½ x'
    const atoms = atomize(text, 100)
    expect(atoms.map((atom) => atom.text)).toEqual(atoms.map((atom) => text.slice(atom.start - 100, atom.end - 100)))
    expect(atoms.find((atom) => atom.key === 'ḥilla')?.text).toBe('Ḥilla')
    expect(atoms.map((atom) => [atom.key, atom.start - 100, atom.joint, atom.sentenceStart])).toEqual([
      ['covid', 0, 'start', true],
      ['19', 5, 'joined', false],
      ['in', 8, 'space', false],
      ['al', 11, 'space', false],
      ['ḥilla', 14, 'hyphen', false],
      ['sana', 21, 'punctuation', true],
      ['a', 26, 'apostrophe', false],
      ['2', 28, 'space', false],
      ['5', 30, 'punctuation', false],
      ['𝐀𝐁c', 32, 'space', false],
      ['½', 38, 'break', true],
      ['x', 40, 'space', false]
    ])
  })

  it('of a range of a text are those of the slice, in the text’s offsets', () => {
    const text = 'Intro.\n\nThe UN-backed talks in Doha (Qatar) resumed on 3 May.\n\nEnd'
    const start = text.indexOf('The')
    const end = text.indexOf('\n\nEnd')
    expect(atomizeRange(text, start, end)).toEqual(atomize(text.slice(start, end), start))
    expect(atomizeRange(text, start, end)[0]).toMatchObject({key: 'the', start, joint: 'start'})
  })
  it('of several ranges appended to one list are those of each range, each beginning anew', () => {
    const text = 'Oil rose.\n\nPrices fell 2%.'
    const second = text.indexOf('Prices')
    const atoms = atomizeRange(text, 0, 9)
    expect(atomizeRange(text, second, text.length, atoms)).toBe(atoms)
    expect(atoms).toEqual([...atomizeRange(text, 0, 9), ...atomizeRange(text, second, text.length)])
    expect(atoms.map((atom) => [atom.key, atom.joint])).toEqual([
      ['oil', 'start'],
      ['rose', 'space'],
      ['prices', 'start'],
      ['fell', 'space'],
      ['2', 'space']
    ])
  })
  it('are the same when the caller holds the words as strings, asked for in order', () => {
    const text = 'Talks in Sana’a resumed; Covid19 cases rose.'
    const asked: number[] = []
    const held = (start: number, end: number) => {
      asked.push(start)
      return text.slice(start, end)
    }
    expect(atomizeRange(text, 0, text.length, [], held)).toEqual(atomize(text))
    expect(asked).toEqual([...asked].sort((a, b) => a - b))
    expect(asked.length).toBe(atomize(text).length)
  })
})

