import {describe, expect, it} from 'vitest'
import {posteditSync} from '../src/postedit.js'

/** Spelling messages on `text` with the shipped packs and gazetteer, as `ruleId actual`. */
const spelling = (text: string) =>
  posteditSync(text)
    .messages.filter((message) => String(message.ruleId).startsWith('spelling.'))
    .map((message) => `${message.ruleId} ${message.actual}`)

describe('correct words draw no notice', () => {
  it.each([
    ['given names and surnames of many languages', 'Coach Mikel Arteta praised Bukayo Saka and Gabriel Martinelli after the match.'],
    ['sports clubs', 'Juventus beat Galatasaray, while Fenerbahce drew with Besiktas in Istanbul.'],
    ['companies', 'Shares of Vodafone, Siemens and Volvo rose in early trading.'],
    ['an acronym written as a name', 'Nasa and Opec officials met in Vienna.'],
    ['compounds of known words', 'The right-hander, a long-snouted dog and all-nighters; a co-ordinated plan.'],
    ['codes and abbreviations', 'The app, fka Tracer, uses the pwp format.'],
    ['a quoted foreign phrase', 'The slogan read "Il faut bien le faire" and the group Reporter ohne Grenzen agreed.'],
    ['a chat line written in lower case', 'hi mary, i\'ll call you when i\'m home'],
    ['health news vocabulary', 'Doctors measured the antibody titer and pleural effusions before intubation.']
  ])('%s', (_, text) => {
    expect(spelling(text)).toEqual([])
  })
})

describe('notices on unknown names need evidence', () => {
  it('says nothing about an unknown name that is only a letter from an English name', () => {
    expect(spelling('Sergeant Orrin Blakely told reporters the road was open.')).toEqual([])
  })

  it('offers a regional name the article fits, not one from another country', () => {
    // A town of Iraq, in an article about Iraq: worth a look.
    expect(spelling('Iraqi forces entered Jurf al-Sakhr. Troops in Jorf said the town was quiet.')).toContain('spelling.unknown-name Jorf')
    // The same word in an article about Morocco: a Moroccan place, not a garble of the Iraqi town.
    expect(spelling('Morocco opened a port at Jorf near Rabat.')).toEqual([])
  })

  it('offers the spelling the article itself uses elsewhere', () => {
    expect(spelling('Coach Tomasz Kowalczyk spoke. Later Kowalczik said the team was ready.')).toEqual(['spelling.unknown-name Kowalczik'])
  })
})

describe('typos stay caught', () => {
  it('reports a rare word one slip from a dictionary word, and fixes a common one', () => {
    // (`turbins` is in the list of common misspellings, which fixes it to `turbines`: see common-misspellings.test.ts.)
    expect(spelling('Engineers installed new turbens and the goverment paid.')).toEqual(['spelling.unknown-word turbens', 'spelling.misspelling goverment'])
  })
})

describe('the article as evidence', () => {
  it('puts first the suggestion the article itself uses', () => {
    const expectedFor = (text: string) => posteditSync(text).messages.find((message) => message.actual === 'turbinse')?.expected
    expect(expectedFor('Engineers installed new turbinse.')?.[0]).toBe('turbine')
    expect(expectedFor('Wind turbines are cheap. Engineers installed new turbinse.')?.[0]).toBe('turbines')
  })
})
