import {describe, expect, it} from 'vitest'
import {perWordType} from '../src/engine/word-cache.js'

describe('per-word-type cache', () => {
  it('computes each word once, an undefined answer included, and gives the answers back', () => {
    const asked: string[] = []
    const longOnly = perWordType((word: string) => {
      asked.push(word)
      return word.length > 3 ? word.toUpperCase() : undefined
    })
    expect([longOnly('Iraq'), longOnly('UN'), longOnly('Iraq'), longOnly('UN'), longOnly('Oman')]).toEqual(['IRAQ', undefined, 'IRAQ', undefined, 'OMAN'])
    expect(asked).toEqual(['Iraq', 'UN', 'Oman'])
  })
})
