import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {consonantKey} from '../src/rules/spoken-acronyms.js'

// The shipped packs list MERS and SARS (terms.health); spelling and names are off so only this rule and the packs speak.
const options = {disable: ['spelling', 'typography', 'names']}
const fix = async (text: string) => (await postedit(text, {...options, fix: true})).value
const found = async (text: string) =>
  (await postedit(text, options)).messages.filter((message) => message.ruleId === 'entities.spoken-acronym').map((message) => [message.actual, message.expected?.[0]])

describe('spoken acronyms written back from Arabic with other vowels', () => {
  it('keeps the consonants of the acronym and drops the vowels it guessed', () => {
    expect(consonantKey('MERS')).toBe(consonantKey('Myers'))
    expect(consonantKey('MERS')).toBe(consonantKey('Mayrs'))
    expect(consonantKey('SARS')).not.toBe(consonantKey('MERS'))
  })

  it('fixes a garbled disease acronym before -CoV, in any article', async () => {
    expect(await fix('Camels carry Mayers-CoV, a study in Riyadh found.')).toBe('Camels carry MERS-CoV, a study in Riyadh found.')
    expect(await fix('Samples tested positive for SAARS-CoV-2 in Oman.')).toBe('Samples tested positive for SARS-CoV-2 in Oman.')
  })

  it('fixes it where a disease stands, when the article writes the acronym itself elsewhere', async () => {
    const text = 'The MERS virus was found in camels. Hospitals treated Myers patients in Jeddah, and doctors compared SARS and Myers. For Mirs, the death rate was higher.'
    expect(await fix(text)).toBe('The MERS virus was found in camels. Hospitals treated MERS patients in Jeddah, and doctors compared SARS and MERS. For MERS, the death rate was higher.')
  })

  it('leaves a surname alone when the acronym is nowhere else in the article', async () => {
    expect(await found('Dr Myers told patients in Jeddah to wash their hands.')).toEqual([])
  })

  it('leaves a surname alone in an article about MERS when it does not stand where a disease does', async () => {
    expect(await found('The MERS outbreak worried Saudi officials. Professor Myers said camels must be tested.')).toEqual([])
  })

  it('leaves the planet and other words with the same consonants alone', async () => {
    expect(await found('SARS spread in 2003, while Mars probes were launched and the Moors ruled Spain.')).toEqual([])
  })

  it('leaves the acronym written right and in title case alone', async () => {
    expect(await found('Mers-CoV and MERS-CoV are the same virus.')).toEqual([])
  })
})

describe('garbled terms with an Arabic proclitic spelled into them', () => {
  it('takes off bi- (with) left on a drug name it spelled back', async () => {
    expect(await fix('Patients were treated with the Blobinavir combination.')).toBe('Patients were treated with the lopinavir combination.')
  })

  it('leaves an English word that starts with the same letters alone', async () => {
    expect(await fix('The blockade of Gaza delayed the lopinavir shipment.')).toBe('The blockade of Gaza delayed the lopinavir shipment.')
  })
})
