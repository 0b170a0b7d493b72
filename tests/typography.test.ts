import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {typographyContext} from '../src/rules/typography/context.js'
import {checkQuotes} from '../src/rules/typography/quotes.js'
import {foreignRuns} from '../src/rules/typography/scripts.js'

// Typography alone: no packs, and the word-level rules off.
const isolated = {packs: [], disable: ['spelling', 'names']}
const options = {...isolated, fix: true}

/** The text after `--fix`. */
async function fixed(text: string): Promise<string> {
  return (await postedit(text, options)).value
}

/** Typography messages on `text`, unfixed, as `ruleId start-end`. */
async function flags(text: string): Promise<string[]> {
  const result = await postedit(text, isolated)
  return result.messages
    .filter((message) => String(message.ruleId).startsWith('typography.'))
    .map((message) => `${message.ruleId} ${message.place && 'start' in message.place ? `${message.place.start.offset}-${message.place.end.offset}` : '?'}`)
}

/** Sentences that must come through untouched and unflagged. */
async function expectClean(text: string): Promise<void> {
  expect(await flags(text)).toEqual([])
  expect(await fixed(text)).toBe(text)
}

describe('typography.arabic-digits', () => {
  it('converts Arabic-Indic and Persian digits, with their separators', async () => {
    expect(await fixed('The ministry recorded ٤٥ deaths in ٢٠١٩.')).toBe('The ministry recorded 45 deaths in 2019.')
    expect(await fixed('Inflation reached ۱۲٫۵ percent.')).toBe('Inflation reached 12.5 percent.')
    expect(await fixed('The fund holds ١٬٢٠٠ tonnes.')).toBe('The fund holds 1,200 tonnes.')
  })

  it('writes thousands separators as AP does, but never in a year', async () => {
    expect(await fixed('Some ١٥٠٠ families and ٢٣٤٥٦ pilgrims arrived.')).toBe('Some 1,500 families and 23,456 pilgrims arrived.')
    expect(await fixed('The ٢٠٣٠ plan began in ١٩٩٩, before ١٨٠٠ GMT.')).toBe('The 2030 plan began in 1999, before 1800 GMT.')
  })

  it('reports one message per number, over the digits only', async () => {
    expect(await flags('He was born in ١٩٨٠ and left in ٢٠٠١.')).toEqual(['typography.arabic-digits 15-19', 'typography.arabic-digits 32-36'])
  })

  it('converts a number and the Arabic scale word after it as one number, never half', async () => {
    expect(await fixed('About ٤٠ ألف families returned to the city.')).toBe('About 40,000 families returned to the city.')
    expect(await fixed('Exports fell by ٢٫٥ ألف barrels a day.')).toBe('Exports fell by 2,500 barrels a day.')
    expect(await fixed('The loan is worth ٣ مليارات dollars, and ٧ ملايين people need aid.')).toBe('The loan is worth 3 billion dollars, and 7 million people need aid.')
    expect(await fixed('Some ١٫٢ مليون voters took part.')).toBe('Some 1.2 million voters took part.')
    // One message over the number and its word; the word is not also reported as untranslated.
    expect(await flags('About ٤٠ ألف families returned.')).toEqual(['typography.arabic-digits 6-12'])
    // Not writable exactly as a whole number of thousands: reported with its reading, not fixed.
    const {messages} = await postedit('It cost ١٫٢٣٤٥ ألف pounds.', isolated)
    expect(messages.map((message) => [message.ruleId, message.expected, message.fix])).toEqual([['typography.arabic-digits', ['1.2345 thousand'], undefined]])
  })
})

describe('typography.arabic-punctuation', () => {
  it('turns Arabic marks into English ones, spaced as English wants', async () => {
    expect(await fixed('Talks covered oil، gas and trade.')).toBe('Talks covered oil, gas and trade.')
    expect(await fixed('Talks covered oil ، gas and trade.')).toBe('Talks covered oil, gas and trade.')
    expect(await fixed('Talks covered oil،gas and trade.')).toBe('Talks covered oil, gas and trade.')
    expect(await fixed('Will the talks resume؟ Nobody knows.')).toBe('Will the talks resume? Nobody knows.')
    expect(await fixed('The first round ended؛ the second begins today.')).toBe('The first round ended; the second begins today.')
  })

  it('removes tatweel outside Arabic words', async () => {
    expect(await fixed('The vote passed ـ narrowly.')).toBe('The vote passed narrowly.')
  })

  it('leaves punctuation inside untranslated Arabic to the foreign-script message', async () => {
    const text = 'He quoted the slogan خبز، حرية at the rally.'
    expect(await fixed(text)).toBe(text)
    expect(await flags(text)).toEqual(['typography.foreign-script 21-30'])
  })
})

describe('typography.invisible-characters', () => {
  it('removes bidi marks and zero-width characters', async () => {
    expect(await fixed('Britain, China and Russia\u200F, are taking part.')).toBe('Britain, China and Russia, are taking part.')
    expect(await fixed('See Table \u200B1 for details.')).toBe('See Table 1 for details.')
    expect(await fixed('The \u202Bquoted\u202C word.')).toBe('The quoted word.')
  })

  it('keeps a BOM at the start, and joiners inside emoji', async () => {
    await expectClean('\uFEFFThe meeting ended on Monday.')
    await expectClean('The family posted 👨\u200D👩\u200D👧 on social media.')
  })

  it('removes a BOM in the middle of the text', async () => {
    expect(await fixed('The meeting\uFEFF ended on Monday.')).toBe('The meeting ended on Monday.')
  })
})

describe('typography.nbsp', () => {
  it('reports a no-break space between ordinary words, without a fix', async () => {
    const text = 'The minister\u00A0said on Monday that talks would resume.'
    expect(await flags(text)).toEqual(['typography.nbsp 12-13'])
    expect(await fixed(text)).toBe(text)
  })

  it('keeps no-break spaces that typesetting wants', async () => {
    await expectClean('The convoy covered 10\u00A0km in an hour.')
    await expectClean('The figure is given on p.\u00A012 of the report.')
    await expectClean('Mr\u00A0Smith met Queen Elizabeth\u00A0II in London.')
    await expectClean('Prices rose by 5\u00A0% in March.')
  })

  it('removes a no-break space at the end of a line', async () => {
    expect(await fixed('The talks ended.\u00A0\nBoth sides left.')).toBe('The talks ended.\nBoth sides left.')
  })
})

describe('typography.foreign-script', () => {
  it('reports the exact span of an untranslated name, without a fix', async () => {
    const text = 'The spokesman, سيف البدر, said hospitals were full.'
    const result = await postedit(text, isolated)
    const message = result.messages.find((m) => m.ruleId === 'typography.foreign-script')!
    expect(message.actual).toBe('سيف البدر')
    expect(message.place && 'start' in message.place && message.place.start.offset).toBe(15)
    expect(message.fix).toBeUndefined()
    expect(await fixed(text)).toBe(text)
  })

  it('reports Cyrillic too, but not Greek symbols or a gloss in parentheses', async () => {
    expect(await flags('The agency Роскосмос confirmed the launch.')).toEqual(['typography.foreign-script 11-20'])
    await expectClean('Levels of TNFα and IL-1β rose in 5 μg doses.')
    await expectClean('The laboratory is named "Huo-Yan" (Chinese: 火眼) by its staff.')
  })

  it('gives one info message for a text that is not in English', async () => {
    const result = await postedit('أعلنت وزارة الصحة العراقية، يوم الأحد، تسجيل ٣٩١٠ إصابات جديدة.', {disable: ['spelling']})
    const typography = result.messages.filter((m) => String(m.ruleId).startsWith('typography.'))
    expect(typography).toHaveLength(1)
    expect(typography[0]!.severity).toBe('info')
  })

  it('finds runs by script, joined across spaces on one line', () => {
    expect(foreignRuns('Minister عبد العزيز بن سلمان said').map((run) => [run.start, run.end, run.script])).toEqual([[9, 28, 'Arabic']])
  })
})

describe('typography.doubled-word', () => {
  it('removes a repeated function word', async () => {
    expect(await fixed('Access to the the towns was cut.')).toBe('Access to the towns was cut.')
    expect(await fixed('The the talks resumed.')).toBe('The talks resumed.')
    expect(await fixed('Troops withdrew from from the city.')).toBe('Troops withdrew from the city.')
  })

  it('reports the second copy with the space before it', async () => {
    expect(await flags('And according to to the official.')).toEqual(['typography.doubled-word 16-19'])
  })

  it('finds a repeat across two spaces or a no-break space, and removes it with them', async () => {
    expect(await flags('Access to the  the towns was cut.')).toContain('typography.doubled-word 13-18')
    expect(await fixed('Access to the  the towns was cut.')).toBe('Access to the towns was cut.')
    expect(await fixed('Access to the\u00A0the towns was cut.')).toBe('Access to the towns was cut.')
  })

  it('leaves repeats that can be right', async () => {
    await expectClean('He said that that decision had had no effect.')
    await expectClean('What it is is a delay.')
    await expectClean('Voters can sign in in person.')
    await expectClean('The winner was Mohamed Mohamed of Cairo.')
    await expectClean('The score was 10 10 at half time.')
    await expectClean('The talks ended with the\nthe second round planned.')
    await expectClean('It was the, the best offer.')
  })

  it('removes a repeated preposition where no verb stands before it to take it as a particle', async () => {
    expect(await fixed('Fares rose 12 percent on on the old prices.')).toBe('Fares rose 12 percent on the old prices.')
    expect(await fixed('Fares rose by 12 percent, in in line with fuel.')).toBe('Fares rose by 12 percent, in line with fuel.')
    await expectClean('The strike will carry on on Monday.')
    await expectClean('Ministers stayed on on the advice of the king.')
  })

  it('reports other repeats without fixing them', async () => {
    const text = 'The meeting meeting ended early.'
    expect(await flags(text)).toEqual(['typography.doubled-word 11-19'])
    expect(await fixed(text)).toBe(text)
  })
})

describe('typography.space-before-punctuation', () => {
  it('removes a space before punctuation', async () => {
    expect(await fixed('The talks ended , officials said .')).toBe('The talks ended, officials said.')
    expect(await fixed('Did the talks end ?')).toBe('Did the talks end?')
    expect(await fixed('Prices of crude ( WTI ) fell.')).toBe('Prices of crude (WTI) fell.')
    expect(await fixed('He called it “ a red line ” on Monday.')).toBe('He called it “a red line” on Monday.')
    expect(await fixed('Oil ,gas and water.')).toBe('Oil, gas and water.')
  })

  it('keeps spaces that belong there', async () => {
    await expectClean('Rates range from 13 percent to .08 percent.')
    await expectClean('The app runs on .NET and the site ends in .com for now.')
    await expectClean('They are inquisitive ... they are not out to hurt you.')
    await expectClean('The vote was 3 : 1 in favour.')
    await expectClean('Smile : ) and wink ;) are fine in a chat.')
    await expectClean('Il a dit « Pourquoi ? » hier.')
  })

  it('suggests closing up an ellipsis before a quotation mark, without fixing', async () => {
    const text = '“The ball is in their court …” he said.'
    expect(await flags(text)).toEqual(['typography.space-before-punctuation 27-29'])
    expect(await fixed(text)).toBe(text)
  })
})

describe('typography.double-space', () => {
  it('fixes two spaces between words to one', async () => {
    expect(await fixed('The convoy  entered the province.')).toBe('The convoy entered the province.')
  })

  it('reports two spaces after a sentence without a fix', async () => {
    const text = 'The convoy left.  It returned later.'
    const result = await postedit(text, isolated)
    expect(result.value).toBe(text)
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([['typography.double-space', 'info']])
  })

  it('leaves indentation and column layouts alone', async () => {
    await expectClean('    The convoy entered the province.')
    await expectClean('Name     Seats     Share\nFatah    17        5%')
  })
})

describe('typography.doubled-full-stop', () => {
  it('fixes `..` after a word', async () => {
    expect(await fixed('Cleansing is aided by a flow of water..\nSoap helps.')).toBe('Cleansing is aided by a flow of water.\nSoap helps.')
  })

  it('leaves an ellipsis, a range and a path alone', async () => {
    await expectClean('Remember her answer... did she leak it?')
    await expectClean('Values 1..10 are valid, see ../notes for more.')
  })
})

describe('typography.quotes', () => {
  it('closes a curly quotation with a curly mark', async () => {
    const text = 'The mayor said “the market reopens today” and “stalls must keep their distance."'
    expect(await fixed(text)).toBe('The mayor said “the market reopens today” and “stalls must keep their distance.”')
  })

  it('keeps straight quotes in an article that uses them', async () => {
    await expectClean('He said "we will not allow it" and "there will be penalties."')
  })

  it('reports an unclosed quotation at the end of its paragraph, without a fix', async () => {
    const text = 'The union said it would “keep striking until wages rise.\n\nThe ministry did not reply.'
    const result = await postedit(text, isolated)
    const message = result.messages.find((m) => m.ruleId === 'typography.quotes')!
    expect(message.actual).toBe('rise.')
    expect(message.expected).toEqual(['rise.”'])
    expect(message.reason).toContain('opened at 1:25')
    expect(result.value).toBe(text)
  })

  it('accepts a quotation running on into the next paragraph', async () => {
    await expectClean('“We will not stop.\n\n“We will go on,” he said.')
  })

  it('closes up a spaced apostrophe in the article’s style', async () => {
    expect(await fixed('The Governor ’ s office said Iraq’s borders stay shut.')).toBe('The Governor’s office said Iraq’s borders stay shut.')
    expect(await fixed("The Governor ' s office said Iraq's borders stay shut.")).toBe("The Governor's office said Iraq's borders stay shut.")
    expect(await fixed('They don ’ t agree.')).toBe('They don’t agree.')
  })

  it('finds the odd mark in the article’s majority style', () => {
    const findings = checkQuotes(typographyContext('“One” and “two" and “three”.'))
    expect(findings.map((f) => [f.start, f.fix?.text])).toEqual([[14, '”']])
  })

  it('takes the style from the apostrophes when one quotation is the only one', async () => {
    expect(await fixed('“Prices must come down," the minister’s aide said.')).toBe('“Prices must come down,” the minister’s aide said.')
    expect(await fixed('"Prices must come down,” the minister\'s aide said.')).toBe('"Prices must come down," the minister\'s aide said.')
  })
})

describe('typography.unicode-normalization', () => {
  it('composes a decomposed letter, and only that', async () => {
    expect(await fixed('The Cafe\u0301 Ankara closed.')).toBe('The Caf\u00E9 Ankara closed.')
    expect(await flags('The Cafe\u0301 Ankara closed.')).toEqual(['typography.unicode-normalization 7-9'])
  })
})

describe('typography as a whole', () => {
  it('keeps everything outside a fix byte for byte', async () => {
    const text = '\uFEFFThe talks ended , officials said.\r\nThe “deal” stands\u00A0at 10\u00A0km.\r\n'
    expect(await fixed(text)).toBe('\uFEFFThe talks ended, officials said.\r\nThe “deal” stands\u00A0at 10\u00A0km.\r\n')
  })

  it('can be turned off as a family', async () => {
    const result = await postedit('The talks ended , officials said.', {fix: true, disable: ['spelling', 'typography']})
    expect(result.value).toBe('The talks ended , officials said.')
  })
})

describe('typography.quotes paragraphs', () => {
  it('follows a quotation across a hard-wrapped line', async () => {
    await expectClean('The minister said “talks will resume\nnext week in Vienna” on Monday.')
  })

  it('treats each line as a paragraph when there are no blank lines', async () => {
    const text = 'He said “talks will resume.\nThe IAEA report followed.'
    expect(await flags(text)).toEqual(['typography.quotes 20-27'])
  })
})
