import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import type {PosteditMessage} from '../src/engine/report.js'
import {ruleCatalog} from '../src/rules/catalog.js'
import {loadRules} from '../src/packs/registry.js'

// Only the needs-human family runs: the other rules have their own tests.
const OTHERS = ['terms', 'orgs', 'titles', 'calques', 'names', 'artifacts', 'spelling', 'typography']

async function flags(text: string): Promise<PosteditMessage[]> {
  const {messages} = await postedit(text, {disable: OTHERS})
  return messages.filter((message) => String(message.ruleId).startsWith('needs-human.'))
}

/** `ruleId severity: flagged text` for each message. */
const shown = (text: string, messages: PosteditMessage[]) =>
  messages.map((message) => {
    const place = message.place as {start: {offset: number}; end: {offset: number}}
    return `${message.ruleId} ${message.severity}: ${text.slice(place.start.offset, place.end.offset)}`
  })

describe('needs-human: sentences a human must rewrite', () => {
  const flagged: Array<[string, string[]]> = [
    // Arabic verb-subject-object order.
    ['Approved the cabinet the new budget during its weekly session.', ['needs-human.verb-first warning: Approved the cabinet the new budget during its weekly session.']],
    ['Condemned the foreign ministry the attack on the embassy.', ['needs-human.verb-first warning: Condemned the foreign ministry the attack on the embassy.']],
    ['Stresses the report the need to protect civilians in the south.', ['needs-human.verb-first warning: Stresses the report the need to protect civilians in the south.']],
    ['Will begin the ministry distributing the aid packages next week in the northern provinces.', ['needs-human.verb-first warning: Will begin the ministry distributing the aid packages next week in the northern provinces.']],
    ['Did not announce the company any figures for the third quarter, the statement said.', ['needs-human.verb-first warning: Did not announce the company any figures for the third quarter, the statement said.']],
    ['Signed the agreement the minister of health, says the report.', ['needs-human.verb-first warning: Signed the agreement the minister of health, says the report.']],
    ['Confirmed the minister that the talks will resume next week.', ['needs-human.verb-first warning: Confirmed the minister that the talks will resume next week.']],
    ['The talks stalled while insisted negotiators of both sides on their demands.', ['needs-human.verb-after-conjunction warning: while insisted negotiators of both sides on their demands']],
    // A reported clause without its subject.
    ['Observers predicted that will not reach the agreement the final stage before the summer.', ['needs-human.reporting-that-aux warning: predicted that will not reach the agreement the final stage before the summer']],
    // Quotation opened before a participle.
    ['The minister praised the workers, “pointing to the progress made on the bridge.', ['needs-human.quote-before-participle warning: “pointing to the progress made on the bridge.']],
    // Relative clauses: resumptive possessive, wedged after the verb.
    ['The fund, which the bank raised its capital last year, has grown fast.', ['needs-human.relative-resumptive warning: which the bank raised its capital last year']],
    ['The new law will restrict, whose details were published on Sunday, the import of used cars.', ['needs-human.wedged-relative warning: restrict, whose details were published on Sunday, the import of used cars']],
    ['The board approved, which the shareholders had demanded for years, a cut in salaries.', ['needs-human.wedged-relative warning: approved, which the shareholders had demanded for years, a cut in salaries']],
    [
      'The conflict, which killed since it began in 2014 thousands of civilians, shows no sign of ending.',
      ['needs-human.object-after-adverbial info: killed since it began in 2014 thousands of civilians']
    ],
    // Arabic idioms word for word.
    ['The war threatens the farmers’ inability to plant the next crop.', ['needs-human.inverted-threat warning: threatens the farmers’ inability']],
    // A construct's "of" dropped: the members seem to act on their own group.
    ['Deputies voted the ruling party’s blocs in the national assembly to reject the budget.', ['needs-human.dropped-of warning: Deputies voted the ruling party’s blocs']],
    ['The representatives voted Shiite factions in the council to approve the plan.', ['needs-human.dropped-of warning: representatives voted Shiite factions']],
    ['The rescuers could not save except a handful of the passengers.', ['needs-human.not-except warning: not save except a handful of the passengers']],
    ['It did not return possible for farmers to sell their crops abroad.', ['needs-human.did-not-return warning: did not return possible']],
    ['All of the schools in the district did not open on Sunday.', ['needs-human.all-not info: All of the schools in the district did not']],
    ['The spokesman said that “the government would respond, and we will not stay silent.”', ['needs-human.mixed-speech warning: said that “the government would respond, and we will not stay silent.”']],
    [
      'The unemployment rate reached 12 percent last year. That is lower than in 2015, when under 9 percent were out of work.',
      ['needs-human.inverted-comparison warning: That is lower than in 2015, when under 9 percent were out of work.']
    ]
  ]
  for (const [text, expected] of flagged) {
    it(`flags: ${text}`, async () => {
      expect(shown(text, await flags(text))).toEqual(expected)
    })
  }

  const quiet = [
    // Votes with their preposition, or with a result.
    'Members voted opposition parties into power in the last election.',
    'Members voted for the opposition parties in parliament.',
    'Representatives from several blocs voted against the bill.',
    'Lawmakers voted to dissolve the parliament.',
    // Imperatives, questions, inversion English allows.
    'Take the train to the city centre and change at the main station.',
    'Read the instructions before you start.',
    'Did the ministry approve the plan?',
    'Will the government resign before the vote?',
    '"We will not give up," said the minister.',
    'Said the minister: "Nothing has changed."',
    'Said the minister, "Nothing has changed."',
    'Gone are the days when a barrel of oil cost ten dollars.',
    // Participle openers.
    'Speaking to reporters, the minister said the talks would resume next week.',
    'Asked about the deal, the spokesman declined to comment.',
    'Killed in the attack were two soldiers and a civilian.',
    'Founded in 1990, the company employs 4,000 people.',
    'Told the news, the family wept in the courtroom.',
    'Expected to arrive on Monday, the delegation will meet the president.',
    'Rejected by the parliament, the bill went back to the committee.',
    // A participle as an adjective of a subject that has its verb.
    'Armed men stormed the building on Monday.',
    'Detained Reuters journalists were released on Friday.',
    'Displaced families returned to their homes after the ceasefire.',
    'Protesters gathered while armed police watched from the roof.',
    'The president spoke before gathered reporters in the garden.',
    'When asked the question, the minister smiled.',
    'The militants stormed the village and killed three people.',
    // Headlines.
    'Residents Protest Water Cuts In Southern City',
    // Relative clauses with their gap.
    'The report, which the ministry published on its website, lists 40 projects.',
    'The deal, which the two companies signed last year, expires in 2030.',
    'Prices rose, which surprised analysts.',
    'The rally drew thousands, which the police said was the largest this year.',
    'Prices rose in 2015 by more than 10 percent.',
    'He served in the army for more than 20 years.',
    'The company grew during the decade and more than 500 workers joined it.',
    // Look-alikes of the idioms.
    'The drought threatens the country’s ability to feed itself.',
    'He did not eat anything except bread.',
    'No one except the guards was allowed inside.',
    'The soldiers did not return home after the war.',
    'All of the passengers survived the crash.',
    'After all, the ministry did not approve the budget.',
    'He said that would be a mistake.',
    'The minister said, "nothing has changed."',
    'Turnout was 46 percent. That is higher than in the last vote, when fewer than 40 percent cast ballots.'
  ]
  for (const text of quiet) {
    it(`stays quiet: ${text}`, async () => {
      expect(shown(text, await flags(text))).toEqual([])
    })
  }

  it('gives a notice, not a warning, where "that" can be the subject', async () => {
    const text = 'The minister said that does not change the facts.'
    expect(shown(text, await flags(text))).toEqual(['needs-human.reporting-that-aux info: said that does not change the facts'])
  })

  it('never fixes, and says what looks wrong', async () => {
    const text = 'Approved the cabinet the new budget during its weekly session.'
    const result = await postedit(text, {fix: true, disable: OTHERS})
    expect(result.value).toBe(text)
    const [message] = result.messages
    expect(message?.fix).toBeUndefined()
    expect(message?.source).toBe('postedit')
    expect(message?.reason).toBe('Check word order: the sentence opens with the verb `Approved` before its subject, as Arabic does; English puts the subject first')
  })

  it('turns off by family or by pattern id', async () => {
    const text = 'Approved the cabinet the new budget. The rescuers could not save except a handful of the passengers.'
    expect((await postedit(text, {disable: [...OTHERS, 'needs-human']})).messages).toEqual([])
    const some = await postedit(text, {disable: [...OTHERS, 'needs-human.verb-first']})
    expect(some.messages.map((message) => message.ruleId)).toEqual(['needs-human.not-except'])
  })

  it('lists every pattern in the rule catalog, so configuration can name it', () => {
    const ids = [...ruleCatalog(loadRules()).keys()].filter((id) => id.startsWith('needs-human.'))
    expect(ids).toContain('needs-human.verb-first')
    expect(ids).toContain('needs-human.inverted-comparison')
    expect(ids.length).toBe(14)
  })
})

describe('sentence tokens', () => {
  it('are the matches of the token expression, with their kind, on letters, marks, numbers, apostrophes, hyphens and other scripts', async () => {
    const {tokenize, TOKEN} = await import('../src/needs-human/sentences.js')
    const text = "Al-Sisi’s 1,250.5 tonnes, e\u0301te\u0301 -x y- 3.. ‘it’ 𝐀𝐁c 😀x\u00A0مصر ١٢ n'est pas\uFEFFfini."
    const tokens = tokenize(text, 10)
    expect(tokens.map((token) => token.text)).toEqual([...text.matchAll(TOKEN)].map((match) => match[0]))
    expect(tokens.map((token) => [token.start - 10, token.end - 10])).toEqual([...text.matchAll(TOKEN)].map((match) => [match.index, match.index + match[0].length]))
    expect(tokens.slice(0, 4).map((token) => [token.text, token.lower, token.kind])).toEqual([
      ['Al-Sisi’s', "al-sisi's", 'word'],
      ['1,250.5', '1,250.5', 'number'],
      ['tonnes', 'tonnes', 'word'],
      [',', ',', 'punctuation']
    ])
    expect(tokens.find((token) => token.text === 'مصر')?.kind).toBe('word')
    expect(tokens.find((token) => token.text === '😀')?.kind).toBe('punctuation')
  })
  it('are the same when the caller holds some words as strings; only words are asked for, in order', async () => {
    const {tokenize} = await import('../src/needs-human/sentences.js')
    const text = 'The Minister’s aides, 12 of them, left Cairo.'
    const asked: Array<[number, number]> = []
    const held = (start: number, end: number) => {
      asked.push([start, end])
      // The caller holds only some words (the tree's words, where they are the token's).
      return start === 104 ? text.slice(start - 100, end - 100) : undefined
    }
    expect(tokenize(text, 100, held)).toEqual(tokenize(text, 100))
    expect(asked.map(([start, end]) => text.slice(start - 100, end - 100))).toEqual(['The', 'Minister’s', 'aides', 'of', 'them', 'left', 'Cairo'])
  })
})

