import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

const seed = readFileSync(resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.txt'), 'utf8')
// One paragraph with a slip for most rule families, written for this test.
const slips = [
  'Cairo - In Alhurra',
  '',
  'The minister said ، in a statement on Sunday , that the the talks held through the video circle',
  'would resume on ١٢ March  .The  prices of wheat rose by 3 % ( about $ 4 ) in the the week …” he said.',
  'He was was speaking to “ reporters ” about Coved 19 and the security file.',
  ''
].join('\n')

// An editor applies `expected` to the message's span ("Replace with …"), so
// the span must hold exactly `actual`: a shorter span would double a mark.
async function spanMismatches(text: string) {
  const {messages} = await postedit(text)
  const found: string[] = []
  for (const message of messages) {
    const place = message.place
    if (!place || !('start' in place)) continue
    if (typeof message.actual !== 'string') {
      found.push(`${message.ruleId}: no actual text`)
      continue
    }
    const spanned = text.slice(place.start.offset, place.end.offset)
    if (spanned !== message.actual) found.push(`${message.ruleId}: span ${JSON.stringify(spanned)} but actual ${JSON.stringify(message.actual)}`)
  }
  return {found, count: messages.length}
}

describe('message spans', () => {
  it('hold exactly their actual text on the seed article', async () => {
    const {found, count} = await spanMismatches(seed)
    expect(count).toBeGreaterThan(10)
    expect(found).toEqual([])
  })

  it('hold exactly their actual text on a paragraph of typographic and phrase slips', async () => {
    const {found, count} = await spanMismatches(slips)
    expect(count).toBeGreaterThan(8)
    expect(found).toEqual([])
  })
})
