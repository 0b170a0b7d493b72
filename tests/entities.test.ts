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
    '  acronyms: [OPEC, OPCW, UNESCO, KUNA, IPCC, UNFPA, ADNOC]',
    '  entities: [Facebook, WhatsApp, LinkedIn, OpenAI, Coca-Cola, blockchain, Saudi Aramco, Al Ahly, Al-Ahly, Zamalek, Petrobras, Wegovy, Tawakkalna, Ooredoo]',
    '  not-acronyms: [OBEK]',
    'entries: []',
    ''
  ].join('\n')
)

const options = {packs: [house], disable: ['spelling', 'typography', 'names']}
const check = async (text: string) =>
  (await postedit(text, options)).messages.map((message) => [message.ruleId, message.actual, message.expected?.[0], message.fix ? 'fix' : 'suggest'])
const fix = async (text: string) => (await postedit(text, {...options, fix: true})).value

describe('entity rule: names split, joined or miscased', () => {
  it('joins a brand machine translation split in two, keeping its possessive', async () => {
    expect(await fix("Users of Face book and Whats App complained; Open AI's chief spoke.")).toBe(
      "Users of Facebook and WhatsApp complained; OpenAI's chief spoke."
    )
  })

  it('restores the hyphen of a name that writes one, and a lower-case term split in two', async () => {
    expect(await fix('Coca Cola opened a plant to trace bottles on a Block Chain.')).toBe('Coca-Cola opened a plant to trace bottles on a blockchain.')
  })

  it('restores a capital inside a brand but leaves headline capitals and sentence capitals alone', async () => {
    expect(await fix('He posted on Linkedin. WHATSAPP WAS DOWN.')).toBe('He posted on LinkedIn. WHATSAPP WAS DOWN.')
  })

  it('suggests both house styles when a name has two', async () => {
    expect(await check('AlAhly fans celebrated.')).toEqual([['entities.form', 'AlAhly', 'Al Ahly', 'suggest']])
  })

  it('does not join two words that begin a longer name', async () => {
    expect(await check('Coca Cola Icecek bottles it in Turkey.')).toEqual([])
  })

  it('treats a space and a hyphen after an Arabic article as house styles', async () => {
    expect(await check('Al-Ahly beat Zamalek; Al Ahly fans celebrated.')).toEqual([])
  })

  it('suggests the order of a known name written the other way round', async () => {
    expect(await check('Shares of Aramco Saudi rose.')).toEqual([['entities.form', 'Aramco Saudi', 'Saudi Aramco', 'suggest']])
    // Beside a word of no known name, the same words are another name.
    expect(await check('Shares of Aramco Saudi Trading rose.')).toEqual([])
    expect(await check('Shares of Aramco Trading Saudi rose.')).toEqual([])
  })

  it('leaves names inside handles and links alone', async () => {
    expect(await check('Follow @Face book and see Coca Cola/news')).toEqual([])
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
    expect(await check('Inspectors of the OBCW left.')).toEqual([['entities.acronym', 'OBCW', 'OPCW', 'suggest']])
    expect(await check('OBEK is not an acronym here. OPEN DATA NOW. The SPEC was CLEAR.')).toEqual([])
  })
})

describe('entity rule: sound-alikes of known brands', () => {
  it('suggests the brand for an unknown word with its sound, and fixes a b/p or f/v garble', async () => {
    expect(await check('Travellers showed the Tawakalna app.')).toEqual([['entities.soundalike', 'Tawakalna', 'Tawakkalna', 'suggest']])
    expect(await fix('Exports to Betrobras grew; pens of Wegofy ran out.')).toBe('Exports to Petrobras grew; pens of Wegovy ran out.')
  })

  it('leaves a word inside a longer capitalised name alone', async () => {
    expect(await check('They met at Ras Tawakalna Bay.')).toEqual([])
  })

  it('folds the vowels and letters Arabic script confuses', () => {
    expect(skeletonOf('Tawakalna')).toBe(skeletonOf('Tawakkalna'))
    expect(skeletonOf('Oredo')).toBe(skeletonOf('Ooredoo'))
    expect(skeletonOf('Zamalik')).toBe(skeletonOf('Zamalek'))
    expect(skeletonOf('Petrobras')).not.toBe(skeletonOf('Petronas'))
  })

  it('is turned off with its rule family', async () => {
    const result = await postedit('Users of Face book complained.', {packs: [house], disable: ['entities', 'spelling']})
    expect(result.messages.filter((message) => String(message.ruleId).startsWith('entities.'))).toEqual([])
  })
})

describe('entities: the shipped desks know the region\'s brands, apps, banks and airlines (issue 13)', () => {
  const shipped = async (text: string) =>
    (await postedit(text, {disable: ['spelling', 'typography', 'names', 'calques']})).messages
      .filter((message) => String(message.ruleId).startsWith('entities.'))
      .map((message) => [message.actual, message.expected?.[0]])

  it.each([
    ['The firm Aramix shipped the parcels.', 'Aramix', 'Aramex'],
    ['The fund sold its stake in Al Dar Properties.', 'Al Dar Properties', 'Aldar Properties'],
    ['Drivers for Hunger Station went on strike.', 'Hunger Station', 'HungerStation']
  ])('%s', async (text, actual, expected) => {
    expect(await shipped(text)).toContainEqual([actual, expected])
  })

  it('leaves ordinary words and right forms alone', async () => {
    expect(await shipped('The seven emirates agreed. He flew Emirates to London and paid with Mastercard.')).toEqual([])
  })
})
