import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import type {Root} from 'nlcst'
import retextPosteditEnglish from '../src/parse/english.js'
import {textIndex} from '../src/engine/text-index.js'
import {atomizeRange} from '../src/infra/atoms.js'

const parse = (text: string) => unified().use(retextPosteditEnglish).parse(text) as Root

describe('textIndex', () => {
  it('lists every word as written, with its offsets, and the paragraphs in order', () => {
    const text = "The U.S.-backed plan didn't pass.\n\nOfficials in al-Hilla said so on 3 May, e.g. twice."
    const index = textIndex(parse(text), text)
    expect(index.words.map((word) => word.value)).toEqual(['The', 'U.S.-backed', 'plan', "didn't", 'pass', 'Officials', 'in', 'al-Hilla', 'said', 'so', 'on', '3', 'May', 'e.g.', 'twice'])
    for (const word of index.words) expect(word.value).toBe(text.slice(word.start, word.end))
    expect(index.paragraphs).toEqual([
      [0, 33],
      [35, text.length]
    ])
  })

  it('has the atoms of each paragraph, each paragraph beginning anew', () => {
    const text = 'Oil prices rose.\n\nMarkets fell in Covid-19 times.'
    const index = textIndex(parse(text), text)
    expect(index.atoms).toEqual([...atomizeRange(text, 0, 16), ...atomizeRange(text, 18, text.length)])
    expect(index.atoms.filter((atom) => atom.joint === 'start').map((atom) => atom.key)).toEqual(['oil', 'markets'])
  })
})
