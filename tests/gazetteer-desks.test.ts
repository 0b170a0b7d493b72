import {describe, expect, it} from 'vitest'
import {fixed, lint} from './support/names-rule.js'

// The desk and region gazetteers (people-*.yml, exonyms.yml, groups-*.yml):
// people of every desk are found by the transliteration key, the spellings
// the major outlets use stand, and a club or a namesake is not rewritten.

describe('desk gazetteers: must fix', () => {
  it.each([
    ['Egyptian Petroleum Minister Karim Badaoui said output would rise.', 'Egyptian Petroleum Minister Karim Badawi said output would rise.'],
    ['Morocco coach Walid Rekragui named his squad.', 'Morocco coach Walid Regragui named his squad.'],
    ['The novelist Kamel Daoued won the prize.', 'The novelist Kamel Daoud won the prize.'],
    ['Ons Jabour reached the final.', 'Ons Jabeur reached the final.'],
    ['Qatar Airways chief executive Badr Mohammed al-Mir said.', 'Qatar Airways chief executive Badr Mohammed al-Meer said.'],
    ['The minister flew from Bruksil to Musku on Monday.', 'The minister flew from Brussels to Moscow on Monday.'],
    ['Pilgrims gathered in Bayt Lahm for Christmas.', 'Pilgrims gathered in Bethlehem for Christmas.'],
    // Issue 13's broader gazetteer: squash, Gulf ministers, Maghreb central bankers and coaches, exonyms.
    ['Squash player Raneem El Welaili won the title in Cairo.', 'Squash player Raneem El Weleily won the title in Cairo.'],
    ["Kuwait's oil minister Tareq al-Rumi said output would rise.", "Kuwait's oil minister Tareq al-Roumi said output would rise."],
    ["Mauritania's central bank governor Mohamed Lemine Ould Dhehbi spoke.", "Mauritania's central bank governor Mohamed Lemine Ould Dhehby spoke."],
    ['Moroccan coach Tarik Sektiwi named his squad.', 'Moroccan coach Tarik Sektioui named his squad.'],
    ['The delegation then flew to Landan and Al-Urdun.', 'The delegation then flew to London and Jordan.']
  ])('%s', async (input, output) => {
    expect(await fixed(input)).toBe(output)
  })
})

describe('desk gazetteers: must not change', () => {
  it.each([
    ['Al-Nassr beat Al-Hilal in Riyadh, Saudi officials said.'],
    ['Emaar founder Mohamed al-Abbar said the Dubai project was sold out.'],
    ['Turki Alalshikh announced the fight in Riyadh.'],
    // A spelling outlets use for her: another given-name spelling is not fixed on a hunch.
    ['Saudi astronaut Rayana Barnawi returned to Earth.'],
    ['Fighters of Jaysh al-Adl attacked a post in Iran.'],
    ['Later, the Israeli ambassador spoke to reporters.'],
    ['Raed Salah, the Islamic Movement leader, and Raed al-Saleh, the Syrian minister, spoke.'],
    // A surname that sounds like an English word is found only in full: the word stays.
    ['Iraq coach Jesus Casas said new Cases of injury worried the Iraqi team.'],
    // Accepted spellings of the wires stand.
    ['The novelist Youssef Zeidan and the Egyptian squash player Mohamed El Shorbagy attended.'],
    ['Sanaa and Daraa were quiet, officials in Rafah said.']
  ])('%s', async (input) => {
    expect((await lint(input)).filter((m) => m.fix)).toEqual([])
    expect(await fixed(input)).toBe(input)
  })
})
