import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

const options = {disable: ['typography', 'names', 'entities']}
const fix = async (text: string) => (await postedit(text, {...options, fix: true})).value
const found = async (text: string) =>
  (await postedit(text, options)).messages.filter((message) => message.ruleId === 'spelling.regularised').map((message) => [message.actual, message.expected, message.fix ? 'fix' : 'suggest'])

describe('irregular verbs and nouns given the regular ending', () => {
  it('fixes a regularised past tense the dictionary lets through', async () => {
    expect(await fix('Border guards catched two smugglers who buyed the boat in Tripoli.')).toBe('Border guards caught two smugglers who bought the boat in Tripoli.')
  })

  it('takes the past participle after have or be, across an adverb', async () => {
    expect(await fix('The council had already choosed a mayor, and the town was not forgived.')).toBe('The council had already chosen a mayor, and the town was not forgiven.')
    expect(await fix('The council choosed a mayor.')).toBe('The council chose a mayor.')
  })

  it('suggests both forms before by, where either may be meant', async () => {
    expect(await found('The envoys choosed by the league arrived.')).toEqual([['choosed', ['chose', 'chosen'], 'suggest']])
  })

  it('fixes regularised plurals of irregular nouns', async () => {
    expect(await fix('The childs of the camp and their wifes lost their sheeps in the crisises.')).toBe('The children of the camp and their wives lost their sheep in the crises.')
  })

  it('leaves real words and names that look regularised alone', async () => {
    const text = 'Farmers seed the fields, Mr Childs singed his hair on bended knee, and the Maple Leafs won.'
    expect(await found(text)).toEqual([])
  })
})
