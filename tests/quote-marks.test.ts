import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

const options = {disable: ['spelling', 'names', 'entities']}
const fix = async (text: string) => (await postedit(text, {...options, fix: true})).value
const ids = async (text: string, prefix: string) =>
  (await postedit(text, options)).messages.filter((message) => String(message.ruleId).startsWith(prefix)).map((message) => [message.actual, message.fix ? 'fix' : 'suggest'])

describe('guillemets left from Arabic typesetting', () => {
  it('turns a pair into the curly quotes of the article, French inner spaces and all', async () => {
    expect(await fix('The envoy called the plan « a dead end » on Sunday.')).toBe('The envoy called the plan “a dead end” on Sunday.')
  })

  it('uses straight quotes in an article that quotes with them', async () => {
    expect(await fix('He said "no" twice and called it «a farce».')).toBe('He said "no" twice and called it "a farce".')
  })

  it('reports a lone guillemet without fixing it', async () => {
    expect(await ids('The banner read «Freedom for the prisoners.', 'typography.guillemets')).toEqual([['«', 'suggest']])
  })

  it('leaves guillemets in Arabic text alone', async () => {
    expect(await ids('قال الوزير «لن نغادر» أمس', 'typography.guillemets')).toEqual([])
  })
})

describe('a closing quotation mark run into the next word', () => {
  it('puts the space back', async () => {
    expect(await fix('“We will rebuild the port,”the governor said.')).toBe('“We will rebuild the port,” the governor said.')
  })

  it('leaves a closing mark before punctuation and a mark with no opening before it on the line alone', async () => {
    expect(await ids('“Enough,” he said. “No”, she replied. Then ”odd text.', 'typography.space-after-quote')).toEqual([])
  })
})

describe('a space between a currency sign and its amount', () => {
  it('closes it up, with a country prefix too', async () => {
    expect(await fix('Qatar pledged $ 50 million and Egypt US$ 3 billion, with £ 20 more.')).toBe('Qatar pledged $50 million and Egypt US$3 billion, with £20 more.')
  })

  it('leaves a sign after a number and a sign before a word alone', async () => {
    expect(await ids('Prices rose by 5 $ 6 in the table; the $ sign and € symbol are shown.', 'typography.currency-space')).toEqual([])
  })
})
