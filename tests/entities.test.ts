import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {skeletonOf} from '../src/packs/entities.js'

const directory = mkdtempSync(join(tmpdir(), 'postedit-entities-'))

// A small house pack of its own, so the tests do not depend on the shipped lists.
const house = join(directory, 'orgs-house.yml')
writeFileSync(
  house,
  [
    'pack: orgs.house',
    'description: organisations of the tests',
    'lists:',
    '  acronyms: [OPEC, UNESCO, KUNA, IPCC, UNFPA, ADNOC]',
    '  entities: [Facebook, WhatsApp, LinkedIn, OpenAI, Airbus, Rolls-Royce, Coca-Cola, bitcoin, Bitcoin, Telecom Egypt, Al Ahly, Al-Ahly, Zamalek, Sinopec, Saudia, KNET, Nusuk, Ozempic]',
    '  not-acronyms: [OBEK]',
    'entries: []',
    ''
  ].join('\n')
)

const check = async (text: string) => {
  const result = await postedit(text, {packs: [house], disable: ['spelling', 'typography', 'names', 'calques']})
  return result.messages.map((message) => [message.ruleId, message.actual, message.expected?.[0], message.fix ? 'fix' : 'suggest'])
}
const fix = async (text: string) => (await postedit(text, {fix: true, packs: [house], disable: ['spelling', 'typography', 'names', 'calques']})).value

describe('entity rule: names split, joined or miscased', () => {
  it('joins a brand machine translation split in two, keeping its possessive', async () => {
    expect(await fix("Users of Face book and Whats App complained; Open AI's chief spoke.")).toBe(
      "Users of Facebook and WhatsApp complained; OpenAI's chief spoke."
    )
  })

  it('restores the hyphen of a name that writes one', async () => {
    expect(await fix('Engines by Rolls Royce power the jets; Coca Cola opened a plant.')).toBe('Engines by Rolls-Royce power the jets; Coca-Cola opened a plant.')
  })

  it('restores a capital inside a brand but leaves headline capitals and sentence capitals alone', async () => {
    expect(await fix('He posted on Linkedin. WHATSAPP WAS DOWN.')).toBe('He posted on LinkedIn. WHATSAPP WAS DOWN.')
  })

  it('suggests both house styles when a name has two', async () => {
    expect(await check('The price of Bit Coin fell.')).toEqual([['entities.form', 'Bit Coin', 'bitcoin', 'suggest']])
  })

  it('does not join two words that begin a longer name', async () => {
    expect(await check('Air Bus Lines runs coaches to the airport.')).toEqual([])
  })

  it('treats a space and a hyphen after an Arabic article as house styles', async () => {
    expect(await check('Al-Ahly beat Zamalek; Al Ahly fans celebrated.')).toEqual([])
  })

  it('suggests the order of a known name written country first', async () => {
    expect(await check('Shares of Egypt Telecom rose.')).toEqual([['entities.form', 'Egypt Telecom', 'Telecom Egypt', 'suggest']])
  })

  it('leaves names inside handles and links alone', async () => {
    expect(await check('Follow @Face book and see Rolls Royce/news')).toEqual([])
  })
})

describe('entity rule: acronyms', () => {
  it('fixes an acronym of five letters spelled back with b for p, and only suggests one of four', async () => {
    expect(await fix('Funds of the UNFBA ran out; the ADNOK deal was signed.')).toBe('Funds of the UNFPA ran out; the ADNOK deal was signed.')
    expect(await check('the ADNOK deal')).toEqual([['entities.acronym', 'ADNOK', 'ADNOC', 'suggest']])
    expect(await check('The IBCC report warned of heat.')).toEqual([['entities.acronym', 'IBCC', 'IPCC', 'suggest']])
  })

  it('suggests an acronym with two letters swapped', async () => {
    expect(await check('The KUAN agency reported the visit.')).toEqual([['entities.acronym', 'KUAN', 'KUNA', 'suggest']])
  })

  it('fixes an organisation acronym in lower case but leaves title case, a house style', async () => {
    expect(await fix('A unesco site; Opec and Unesco said.')).toBe('A UNESCO site; Opec and Unesco said.')
  })

  it('leaves listed guards, English words and headlines in capitals alone', async () => {
    expect(await check('OBEC met.')).toEqual([['entities.acronym', 'OBEC', 'OPEC', 'suggest']])
    expect(await check('OBEK is not an acronym here. OPEN DATA NOW. The SPEC was CLEAR.')).toEqual([])
  })
})

describe('entity rule: sound-alikes of known brands', () => {
  it('suggests the brand for an unknown word with its sound, and fixes a b/p garble', async () => {
    expect(await check('Pilgrims booked through the Nosok app.')).toEqual([['entities.soundalike', 'Nosok', 'Nusuk', 'suggest']])
    expect(await fix('Exports to Sinobec grew; pens of Ozembic ran out.')).toBe('Exports to Sinopec grew; pens of Ozempic ran out.')
  })

  it('leaves a word inside a longer capitalised name alone', async () => {
    expect(await check('They met at Ras Nosok Bay.')).toEqual([])
  })

  it('folds the vowels and letters Arabic script confuses', () => {
    expect(skeletonOf('Nosok')).toBe(skeletonOf('Nusuk'))
    expect(skeletonOf('Tabby')).toBe(skeletonOf('Tabi'))
    expect(skeletonOf('Sayrafa')).not.toBe(skeletonOf('Sarafa'))
    expect(skeletonOf('Zamalik')).toBe(skeletonOf('Zamalek'))
  })

  it('is turned off with its pack', async () => {
    const result = await postedit('Users of Face book complained.', {packs: [house], disable: ['orgs.house', 'spelling']})
    expect(result.messages.filter((message) => String(message.ruleId).startsWith('entities.'))).toEqual([])
  })
})
