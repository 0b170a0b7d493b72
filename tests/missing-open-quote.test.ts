import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

// Typography alone: no packs, and the word-level rules off.
const isolated = {packs: [], disable: ['spelling', 'names']}

/** The `typography.missing-open-quote` messages on `text`. */
async function missing(text: string) {
  const result = await postedit(text, {...isolated, fix: true})
  // Never fixed: where the quotation opens is the editor's call.
  expect(result.value).toBe(text)
  return result.messages.filter((message) => message.ruleId === 'typography.missing-open-quote')
}

/** Offsets of the messages, as `start-end`. */
async function places(text: string): Promise<string[]> {
  return (await missing(text)).map((message) => (message.place && 'start' in message.place ? `${message.place.start.offset}-${message.place.end.offset}` : '?'))
}

describe('typography.missing-open-quote', () => {
  it('reports a curly closing mark after reported speech that never opened', async () => {
    const text = 'The finance minister said the budget talks had been useful,” adding that a deal was near.'
    const [message] = await missing(text)
    expect(message?.place && 'start' in message.place ? message.place.start.offset : -1).toBe(text.indexOf('”'))
    expect(message?.actual).toBe('”')
    expect(message?.severity).toBe('warning')
    expect(message?.reason).toBe('Unexpected closing `”` with no opening quotation mark before it in its paragraph, expected `“` where the quoted words start')
  })

  it('reports a straight mark that can only close', async () => {
    const text = 'The envoy called it a turning point for the region." The next round opens on Sunday.'
    expect(await places(text)).toEqual([`${text.indexOf('"')}-${text.indexOf('"') + 1}`])
  })

  it('names the likely opening place after `said,`, `told reporters:` or `saying`', async () => {
    const [said] = await missing('The spokesman said, the army will leave the border villages by Friday,” the agency reported.')
    expect(said?.reason).toContain('expected `“` after `said,`')
    expect(said?.note).toContain('before `the army`')
    const [told] = await missing('She told reporters: the vote goes ahead as planned.” The opposition disagreed.')
    expect(told?.reason).toContain('after `told reporters:`')
    const [saying] = await missing('The union ended the strike on Monday, saying the new offer was fair enough." Members will vote.')
    expect(saying?.reason).toContain('after `saying`')
  })

  it('stays quiet on balanced and nested quotations', async () => {
    expect(await places('“The deal,” he said, “is a ‘historic’ step.”')).toEqual([])
    expect(await places('"We will go," he said. "Not now," she replied.')).toEqual([])
    expect(await places('He said “talks will resume\nnext week in Geneva” on Monday.')).toEqual([])
  })

  it('stays quiet on a quotation running over several paragraphs', async () => {
    expect(await places('The mayor said: “We will rebuild the bridge.\n\n“And we will do it this year,” he added.')).toEqual([])
    // Without the newspaper convention (no mark opening the second paragraph): the unclosed quotation is reported, not this.
    expect(await places('The mayor said: “We will rebuild the bridge.\n\nWe will do it this year,” he added.')).toEqual([])
  })

  it('stays quiet on a quotation opened in the headline', async () => {
    expect(await places('Minister: “No new taxes this year\n\nThe finance minister said the budget holds,” the ministry said in a statement.')).toEqual([])
  })

  it('stays quiet when the paragraph starts with the quoted words (they may run on from an earlier one)', async () => {
    expect(await places('Rain is expected across the north on Monday,” the weather service said.')).toEqual([])
  })

  it('stays quiet on inch and second marks, apostrophes and other quotation marks', async () => {
    expect(await places('The guard, who said he is 6\'2" tall, carried a 12" baton.')).toEqual([])
    expect(await places('He said the players" union would meet on Friday.')).toEqual([])
    expect(await places('He said ‘we will go,” and left.')).toEqual([])
    expect(await places('He said «we will go,” and left.')).toEqual([])
  })

  it('stays quiet on first-person speech inside a quotation whose opening mark is elsewhere', async () => {
    expect(await places('As I have said all along, we are ready to talk,” the envoy added.')).toEqual([])
  })

  it('can be turned off on its own', async () => {
    const result = await postedit('The envoy called it a turning point for the region." The next round opens on Sunday.', {...isolated, disable: ['spelling', 'names', 'typography.missing-open-quote']})
    expect(result.messages.filter((message) => message.ruleId === 'typography.missing-open-quote')).toEqual([])
  })
})
