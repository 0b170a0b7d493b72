import {describe, expect, it} from 'vitest'
import {WordSet} from '../src/infra/word-set.js'

describe('WordSet', () => {
  const words = ['Zürich', 'apple', 'Apple', 'app', 'apples', 'al-Sadr', "O'Brien", 'ḥadith', 'Ægir', 'apple']
  const set = new WordSet(words)

  it('holds exactly the words it was given, case and marks as written', () => {
    for (const word of words) expect(set.has(word)).toBe(true)
    for (const word of ['ap', 'appl', 'applesauce', 'APPLE', 'zurich', 'Zurich', 'al Sadr', 'OBrien', 'hadith', '', 'Æ']) expect(set.has(word)).toBe(false)
  })

  it('counts and lists each word once, sorted by code unit', () => {
    expect(set.size).toBe(9)
    expect([...set]).toEqual([...new Set(words)].sort())
  })

  it('answers like a Set on a large list', () => {
    const many = Array.from({length: 5000}, (_, index) => `w${(index * 7919) % 10007}x`)
    const large = new WordSet(many)
    const reference = new Set(many)
    for (let index = 0; index < 10007; index++) expect(large.has(`w${index}x`)).toBe(reference.has(`w${index}x`))
  })

  it('reads back from its data, through a structured clone, as the same set', () => {
    const copy = new WordSet(structuredClone(set.data()))
    expect([...copy]).toEqual([...set])
    for (const word of [...words, 'appl', 'Zurich']) expect(copy.has(word)).toBe(set.has(word))
  })

  it('is empty when given nothing', () => {
    const empty = new WordSet([])
    expect(empty.size).toBe(0)
    expect(empty.has('a')).toBe(false)
  })
})
