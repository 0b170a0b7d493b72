import {describe, expect, it} from 'vitest'
import {posteditSync} from '../src/postedit.js'

const messages = (text: string, options: Parameters<typeof posteditSync>[1]) => posteditSync(text, options).messages.map(String)

describe('a rule configured off', () => {
  it('is not run, exactly as when it is disabled', () => {
    // The terms rule claims `Coved 19`; turned off, it claims nothing, so the
    // unknown word is the spelling rule's to report (filtering the terms message
    // afterwards would leave the text with no message at all).
    const text = 'The Coved 19 outbreak spread to the province.'
    const off = messages(text, {severities: {terms: 'off'}})
    expect(off).toEqual(messages(text, {disable: ['terms']}))
    expect(off.join('\n')).toMatch(/`Coved`/)
    expect(messages(text, {}).join('\n')).toMatch(/Unexpected `Coved 19`, expected `COVID-19`/)
  })

  it('keeps running a family when a rule inside it is turned back on', () => {
    const text = 'The Coved 19 outbreak spread to the province.'
    const on = posteditSync(text, {severities: {terms: 'off', 'terms.covid-19': 'error'}}).messages
    expect(on.map((message) => [message.ruleId, message.severity, message.fatal])).toEqual([['terms.covid-19', 'error', true]])
  })
})
