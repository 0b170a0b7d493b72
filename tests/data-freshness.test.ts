import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {posteditSync} from '../src/postedit.js'
import {holdDataFiles} from '../src/infra/data-freshness.js'

const directory = mkdtempSync(join(tmpdir(), 'postedit-freshness-'))
const disable = ['spelling', 'typography', 'needs-human', 'entities']

/** Write (or rewrite) a one-entry house pack that replaces `match` with `replace`. */
function writePack(file: string, match: string, replace: string): void {
  const example = `{in: "The ${match} sat.", out: "The ${replace} sat."}`
  writeFileSync(file, ['pack: house', 'description: a desk glossary', 'entries:', `  - {id: lantern, type: substitution, match: ${match}, replace: ${replace}, fix: auto, note: desk style, examples: [${example}]}`, ''].join('\n'))
}

const fixedWith = (file: string, text: string) => posteditSync(text, {fix: true, packs: ['default', file], disable}).value

describe('data files edited while postedit runs', () => {
  it('a library caller sees a pack rewritten between two calls', () => {
    const file = join(directory, 'lantern.yml')
    writePack(file, 'sky lantern council', 'lantern board')
    expect(fixedWith(file, 'The sky lantern council sat.')).toBe('The lantern board sat.')
    writePack(file, 'sky lantern council', 'festival committee')
    expect(fixedWith(file, 'The sky lantern council sat.')).toBe('The festival committee sat.')
  })

  it('a held run keeps the packs it first read, and sees the edit once released', () => {
    const file = join(directory, 'held.yml')
    writePack(file, 'river lamp society', 'lamp club')
    const release = holdDataFiles()
    try {
      expect(fixedWith(file, 'The river lamp society sat.')).toBe('The lamp club sat.')
      writePack(file, 'river lamp society', 'boat lamp guild')
      expect(fixedWith(file, 'The river lamp society sat.')).toBe('The lamp club sat.')
    } finally {
      release()
    }
    expect(fixedWith(file, 'The river lamp society sat.')).toBe('The boat lamp guild sat.')
  })

  it('a library caller sees a gazetteer rewritten between two calls', () => {
    const file = join(directory, 'people.yml')
    const writeGazetteer = (name: string) =>
      writeFileSync(file, ['gazetteer: desk', 'description: a desk list', 'kind: person', 'entities:', `  - {name: ${name}, variants: [Tarek Bouzidane]}`, ''].join('\n'))
    const expected = () =>
      posteditSync('Minister Tarek Bouzidane spoke on Monday.', {names: ['default', file], disable})
        .messages.filter((message) => message.ruleId === 'names.variant')
        .map((message) => message.expected)
    writeGazetteer('Tariq Bouzidan')
    expect(expected()).toEqual([['Tariq Bouzidan']])
    writeGazetteer('Tareq Bouzaidan')
    expect(expected()).toEqual([['Tareq Bouzaidan']])
  })
})
