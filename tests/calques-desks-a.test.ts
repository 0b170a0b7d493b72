import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

// Short articles written for these tests, one per desk of the economy, energy, health, climate,
// courts, officialese and verbs packs: what --fix changes, what is only suggested, and the same
// words left alone where they are right English.
const only = ['spelling', 'typography', 'names', 'terms', 'orgs', 'titles', 'artifacts', 'entities', 'needs-human']
const fixed = async (text: string) => (await postedit(text, {fix: true, disable: only})).value
const flagged = async (text: string) =>
  (await postedit(text, {disable: only})).messages.map((message) => [message.ruleId, message.actual, message.expected?.[0]])

describe('desk calques fixed in context', () => {
  it('economy: loan tranches, basis points, subsidized bread and capital adequacy', async () => {
    expect(
      await fixed(
        'Egypt received the second batch of the loan. The bank raised rates by 100 basic points, supported bread stays at five piastres and banks keep a capital sufficiency ratio of 12 percent.'
      )
    ).toBe(
      'Egypt received the second tranche of the loan. The bank raised rates by 100 basis points, subsidized bread stays at five piastres and banks keep a capital adequacy ratio of 12 percent.'
    )
  })

  it('energy: octane rating, enrichment level and electric cars', async () => {
    expect(
      await fixed('A litre of octane 95 petrol costs more, Tehran keeps uranium enriched to a percentage of 60 percent, and electrical cars are untaxed.')
    ).toBe('A litre of 95-octane petrol costs more, Tehran keeps uranium enriched to 60 percent, and electric cars are untaxed.')
  })

  it('health: cardiac arrest, recovery room and mass poisoning', async () => {
    expect(
      await fixed('After a heart stoppage he was taken to the awakening room. Forty pupils were treated after a collective poisoning.')
    ).toBe('After a cardiac arrest he was taken to the recovery room. Forty pupils were treated after a mass poisoning.')
  })

  it('climate: weather copy and earthquakes', async () => {
    expect(
      await fixed(
        'Forecasters expect water fog at dawn and the great temperature will reach 40 degrees. A quake of 5.1 degrees on the Richter scale struck; the center of the earthquake was offshore.'
      )
    ).toBe(
      'Forecasters expect fog at dawn and the maximum temperature will reach 40 degrees. A quake of 5.1 on the Richter scale struck; the epicentre of the earthquake was offshore.'
    )
  })

  it('courts: detention, witnesses and sentences', async () => {
    expect(
      await fixed(
        'The prosecution renewed his imprisonment for 15 days. The court heard the witnesses of proof and sentenced him to perpetual imprisonment; it fined him with 5,000 pounds.'
      )
    ).toBe(
      'The prosecution extended his detention for 15 days. The court heard the prosecution witnesses and sentenced him to life imprisonment; it fined him 5,000 pounds.'
    )
  })

  it('officialese and verbs: decrees, dates and prepositions', async () => {
    expect(
      await fixed(
        'A republican decree set the vote for Monday corresponding to June 5. The police arrested on the suspect, who confessed with committing the theft; the siege deprived children from school.'
      )
    ).toBe(
      'A presidential decree set the vote for Monday, June 5. The police arrested the suspect, who confessed to committing the theft; the siege deprived children of school.'
    )
  })

  it('suggests, without fixing, where the wording depends on the story', async () => {
    const text = 'The central bank fixed the interest rates as inflation eased. The call dealt with bilateral relations.'
    expect(await fixed(text)).toBe(text)
    expect(await flagged(text)).toEqual([
      ['calques.economy.fixed-interest-rates', 'fixed the interest rates', 'kept interest rates unchanged'],
      ['calques.officialese.call-dealt-with', 'The call dealt with', 'The two sides discussed']
    ])
  })
})

describe('the same words where they are right', () => {
  it.each([
    'Residents pay dumping fees at the landfill.',
    'Firefighters used a water fog system on the blaze.',
    'The hatching period for the eggs is three weeks.',
    'Forecasters expect a rise in temperature on Friday.',
    'Nurses attended to the wounded.',
    'The ruling has precedents in Egyptian law.',
    'He was elected general secretary of the union.',
    'The talks end on the last Friday of March.',
    'He lives on the margins of society.',
    'The new board took control on Monday.',
    'Street vendors sell bread at fixed prices.',
    'The court fined him with the consent of both parties.'
  ])('leaves "%s" alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })
})
