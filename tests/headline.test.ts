import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {inHeadline} from '../src/packs/find.js'
import {posteditSync} from '../src/postedit.js'

// A pack of our own whose replacement brings an article the matched text may lack.
const directory = mkdtempSync(join(tmpdir(), 'postedit-headline-'))
const pack = join(directory, 'titles.yml')
writeFileSync(
  pack,
  `pack: test-titles
description: Test titles.
entries:
  - id: head-of-cabinet
    type: substitution
    match: [Head of the Council of Ministers, the Head of the Council of Ministers]
    replace: the prime minister
    fix: auto
    note: A test entry.
    examples:
      - in: He met the Head of the Council of Ministers on Monday.
        out: He met the prime minister on Monday.
`
)
const fix = (text: string) => posteditSync(text, {packs: [pack], disable: ['spelling', 'names'], fix: true}).value

describe('fixes that fit a headline', () => {
  it('drops the article a replacement brings when the headline had none', () => {
    expect(fix('Head of the Council of Ministers opens new bridge\n\nThe bridge links the two banks of the river.\n')).toBe(
      'Prime minister opens new bridge\n\nThe bridge links the two banks of the river.\n'
    )
  })

  it('keeps the article in body text, and where the headline wrote one', () => {
    expect(fix('Bridge opens\n\nOn Monday Head of the Council of Ministers cut the ribbon.\n')).toBe('Bridge opens\n\nOn Monday the prime minister cut the ribbon.\n')
    expect(fix('The Head of the Council of Ministers opens new bridge\n\nIt links two banks.\n')).toBe('The prime minister opens new bridge\n\nIt links two banks.\n')
  })

  it('knows a headline: a short first line with text below, or a title-case line, without a final full stop', () => {
    const text = 'Floods Hit Northern Towns\n\nRain fell all night in the north.\n\nRescue Teams Reach Villages\n\nThey arrived by boat\n'
    expect(inHeadline(text, 0)).toBe(true)
    expect(inHeadline(text, text.indexOf('Rain'))).toBe(false)
    expect(inHeadline(text, text.indexOf('Rescue'))).toBe(true)
    expect(inHeadline(text, text.indexOf('They'))).toBe(false)
    expect(inHeadline('A single line without a full stop', 0)).toBe(false)
  })
})
