import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

// Short articles written for these tests, one per desk, each with calques an Arabic→English
// system leaves; the desks' packs must fix the certain ones and suggest the others, and leave the
// same words alone where they are right English.
const only = ['spelling', 'typography', 'names', 'terms', 'orgs', 'titles', 'artifacts', 'entities', 'needs-human']
const fixed = async (text: string) => (await postedit(text, {fix: true, disable: only})).value
const suggested = async (text: string) =>
  (await postedit(text, {disable: only})).messages.map((message) => [message.ruleId, message.actual, message.expected?.[0]])

describe('calques of the desks, fixed in context', () => {
  it('economy: FDI, price index and certificates of deposit', async () => {
    expect(
      await fixed(
        'Direct foreign investments rose in May, while the standard number for consumer prices eased. Banks sold deposit certificates and the basic inflation rate fell.'
      )
    ).toBe(
      'Foreign direct investment rose in May, while the consumer price index eased. Banks sold certificates of deposit and the core inflation rate fell.'
    )
  })

  it('sport: rounds, shoot-outs, draws and set pieces', async () => {
    expect(
      await fixed('After a negative draw in the going match, the club reached the role of 16 on preference kicks. Both goals came from fixed balls.')
    ).toBe('After a goalless draw in the first leg, the club reached the round of 16 on a penalty shoot-out. Both goals came from set pieces.')
  })

  it('health: transplants, trials, attacks and ambulances', async () => {
    expect(
      await fixed('An ambulance car took the boy, who had an asthma crisis, to hospital. The liver cultivation programme joins clinical experiments of a new drug.')
    ).toBe('An ambulance took the boy, who had an asthma attack, to hospital. The liver transplant programme joins clinical trials of a new drug.')
  })

  it('courts and defence: in absentia, crime scene, appeals and surface-to-air missiles', async () => {
    expect(
      await fixed(
        'He was sentenced in absence to five years; his lawyers stabbed in the ruling. Police sealed off the theatre of the crime. The army fired earth-air missiles.'
      )
    ).toBe(
      'He was sentenced in absentia to five years; his lawyers appealed against the ruling. Police sealed off the crime scene. The army fired surface-to-air missiles.'
    )
  })

  it('officialese and verbs: amounts, views, prepositions', async () => {
    expect(
      await fixed('The ministers exchanged viewpoints. Exports rose by a percentage of 12 percent. The committee consists from seven members.')
    ).toBe('The ministers exchanged views. Exports rose by 12 percent. The committee consists of seven members.')
  })

  it('suggests, without fixing, where the English depends on the story', async () => {
    const text = 'The main index closed on a rise. The minister stressed the necessity of unity.'
    expect(await fixed(text)).toBe(text)
    expect(await suggested(text)).toEqual([
      ['calques.economy.closed-on-a-rise', 'closed on a rise', 'closed higher'],
      ['calques.officialese.necessity-of', 'stressed the necessity of', 'stressed the need for']
    ])
  })
})

describe('the same words where they are right', () => {
  it.each([
    'The firm announced about 300 new jobs.',
    'Fans welcomed with open arms the returning team.',
    "Iran's heavy water reactor at Arak was redesigned.",
    'He pointed to that building on the hill.',
    'He objected on the grounds that the vote was rigged.',
    'The house was left to Mona in the will.',
    'She won the triple jump final.',
    'The army arrested two men for infiltration across the border.'
  ])('leaves "%s" alone', async (text) => {
    expect(await suggested(text)).toEqual([])
  })
})
