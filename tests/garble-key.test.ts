import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {garbleKeys, sameOnset, withoutProclitic} from '../src/packs/garble-key.js'

// A house pack of fuzzy terms of its own, so the tests do not depend on the shipped lists.
const directory = mkdtempSync(join(tmpdir(), 'postedit-garble-key-'))
const drugs = join(directory, 'terms-drugs.yml')
const entry = (term: string, garble: string) =>
  `  - {id: ${term}, type: substitution, match: ${garble}, replace: ${term}, fix: auto, fuzzy: true, note: n, examples: [{in: a dose of ${garble}, out: a dose of ${term}}]}`
writeFileSync(
  drugs,
  [
    'pack: terms.drugs',
    'description: fuzzy drug names of the tests',
    'entries:',
    entry('dexamethasone', 'dexamethazone'),
    entry('hemoglobin', 'hemoglubin'),
    entry('tocilizumab', 'tocilizumap'),
    entry('atezolizumab', 'atezolizumap'),
    entry('gentamicin', 'jentamicin'),
    entry('lopinavir', 'lobinavir'),
    ''
  ].join('\n')
)
const fix = async (text: string) => (await postedit(text, {packs: [drugs], disable: ['spelling', 'typography', 'names', 'entities'], fix: true})).value

describe('garble key', () => {
  it('reads x as ks and g, j and k as one letter, as Arabic spells them back', () => {
    expect(garbleKeys('deksamethazone')[0]).toBe(garbleKeys('dexamethasone')[0])
    expect(garbleKeys('jentamisin')[0]).toBe(garbleKeys('gentamicin')[0])
  })

  it('tells words apart by how they begin', () => {
    expect(sameOnset('Blobenavir', 'bupropion')).toBe(true)
    expect(sameOnset('Pfizer', 'Bfizer')).toBe(true)
    expect(sameOnset('myoglobin', 'hemoglobin')).toBe(false)
    expect(sameOnset('aalanine', 'alanine')).toBe(true)
  })

  it('takes an Arabic proclitic off a long word only', () => {
    expect(withoutProclitic('Blobinavir')).toBe('lobinavir')
    expect(withoutProclitic('Alremdesivir')).toBe('remdesivir')
    expect(withoutProclitic('Blair')).toBe('')
  })
})

describe('fuzzy terms garbled the ways the key reads', () => {
  it('fixes unlisted garbles with ks for x and j for g', async () => {
    expect(await fix('Doctors gave deksamethazone and jentamisin to the patients.')).toBe('Doctors gave dexamethasone and gentamicin to the patients.')
  })

  it('picks the one term that begins like the garble when two share a key', async () => {
    expect(await fix('The trial of tosilizomap ended.')).toBe('The trial of tocilizumab ended.')
    expect(await fix('The trial of atesolizomap ended.')).toBe('The trial of atezolizumab ended.')
  })

  it('leaves a real term that only shares the consonants of another alone', async () => {
    expect(await fix('Blood tests measured myoglobin and troponin.')).toBe('Blood tests measured myoglobin and troponin.')
  })

  it('fixes a term with bi- (with) spelled into it, and leaves a word that only begins with b alone', async () => {
    expect(await fix('They were treated with Blobenavir.')).toBe('They were treated with lopinavir.')
  })
})
