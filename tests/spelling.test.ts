import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/engine/fix.js'
import {posteditSync} from '../src/postedit.js'
import type {PosteditMessage} from '../src/engine/report.js'
import {loadRules} from '../src/packs/registry.js'
import retextPosteditSpelling, {type SpellingOptions} from '../src/rules/spelling.js'

// A pack of our own, so these tests do not move when the shipped packs grow.
const directory = mkdtempSync(join(tmpdir(), 'postedit-spelling-'))
const packFile = join(directory, 'people.yml')
writeFileSync(
  packFile,
  `pack: people
description: Test names.
entries:
  - id: mustafa-al-kadhimi
    type: substitution
    match: [Mustafa Al-Kazemi]
    replace: Mustafa al-Kadhimi
    fix: auto
    note: Iraqi prime minister.
    examples:
      - in: with Mustafa Al-Kazemi today
        out: with Mustafa al-Kadhimi today
`
)
const rules = loadRules([packFile])

/** Spelling messages on `text`, in text order. */
function lint(text: string, options: SpellingOptions = {}): PosteditMessage[] {
  const file = new VFile({value: text})
  const processor = unified().use(retextEnglish).use(retextPosteditSpelling, {rules, ...options})
  processor.runSync(processor.parse(file), file)
  return file.messages as PosteditMessage[]
}

/** `text` with every certain fix applied. */
function fixed(text: string, options: SpellingOptions = {}): string {
  return applyFixes(text, lint(text, options).flatMap((message) => (message.fix ? [message.fix] : []))).value
}

const shown = (messages: PosteditMessage[]) => messages.map((message) => `${String(message)} [${message.ruleId}${message.fix ? ', fix' : ''}]`)

describe('spelling: certain fixes', () => {
  it('fixes a lower-case word one slip from a single common word', () => {
    expect(shown(lint('The goverment imposed a curfew, acording to officials.'))).toEqual([
      '1:5-1:14: Unexpected `goverment`, expected `government` [spelling.misspelling, fix]',
      '1:33-1:41: Unexpected `acording`, expected `according` [spelling.misspelling, fix]'
    ])
    expect(fixed('The goverment imposed a curfew, acording to officials.')).toBe('The government imposed a curfew, according to officials.')
  })

  it('fixes doubled and dropped letters and swapped neighbours', () => {
    expect(fixed('Troops warnned that the uranuim stock had grown by thousends of kilograms.')).toBe(
      'Troops warned that the uranium stock had grown by thousands of kilograms.'
    )
  })

  it('fixes a long word whose only neighbour is a vowel away, however rare in film subtitles', () => {
    // SUBTLEXus has `liquidity` 3 times and `livelihoods` 4 in 51 million words: not common there, the only words this close.
    expect(fixed('A liquidty squeeze hurt the livelyhoods of fishermen near the electrolisis works.')).toBe(
      'A liquidity squeeze hurt the livelihoods of fishermen near the electrolysis works.'
    )
    // Shorter, or with a second word nearly as close, it is only suggested.
    expect(fixed('The revenus fell.')).toBe('The revenus fell.')
    expect(lint('The revenus fell.')[0]?.expected).toEqual(['revenues', 'revenue'])
  })

  it('fixes an agent noun written in -er where the word is in -or, and only then', () => {
    expect(fixed('Visiters and investers met the collecters.')).toBe('Visiters and investors met the collectors.')
    // Two words as close (protesters, protectors) leave it a question; a regular form of a verb stays a rare word.
    expect(fixed('The protecters thrusted forward.')).toBe('The protecters thrusted forward.')
  })

  it('leaves a rare word alone when its neighbour differs in a morpheme, and romanised words whose vowels vary', () => {
    // `macroscopy` is a word the dictionary lacks, not a slip for `microscopy`; `ayatullahs` and `mujahedin` are other spellings.
    const text = 'The macroscopy report named two ayatullahs and the mujahedin.'
    expect(fixed(text)).toBe(text)
  })

  it('fixes the stem of a possessive and leaves the rest byte for byte', () => {
    expect(fixed('The goverment\u2019s plan\r\nwas \u201Cfinal\u201D.\u00A0')).toBe('The government\u2019s plan\r\nwas \u201Cfinal\u201D.\u00A0')
  })
})

describe('spelling: suggestions only', () => {
  it('suggests several words when more than one is close', () => {
    const [message] = lint('The plan, wich was approved, failed.')
    expect(message?.ruleId).toBe('spelling.misspelling')
    expect(message?.expected?.[0]).toBe('which')
    expect(message?.expected?.length).toBeGreaterThan(1)
    expect(message?.fix).toBeUndefined()
  })

  it('does not fix when two forms of a word are equally close', () => {
    // (`recoverd` is in the list of common misspellings, which settles it: see common-misspellings.test.ts.)
    const [message] = lint('The rebels have attackd.')
    expect(message?.expected).toEqual(expect.arrayContaining(['attacked', 'attacks']))
    expect(message?.fix).toBeUndefined()
  })

  it('never fixes a capitalised word by closeness alone, even a common word opening a sentence', () => {
    // (A slip the list of common misspellings has, such as `Goverment`, is fixed: see common-misspellings.test.ts.)
    expect(shown(lint('Presidnet officials said so.'))).toEqual([
      '1:1-1:10: Unknown name `Presidnet` (once in this text), perhaps `President` [spelling.unknown-name]'
    ])
  })

  it('reports a technical word close to no common word as information only', () => {
    expect(lint('The virus is zoonotic.')).toEqual([])
    const messages = lint('The virus is zoonotic.', {allUnknown: true})
    expect(shown(messages)).toEqual(['1:14-1:22: Unknown word `zoonotic` [spelling.unknown-word]'])
    expect(messages[0]?.severity).toBe('info')
  })
})

describe('spelling: names', () => {
  it('leaves an unknown name close to no known one alone by default', () => {
    expect(lint('Qaraqosh was retaken. Residents of Qaraqosh returned.')).toEqual([])
  })

  it('reports an unknown name once, at its first occurrence, with its count', () => {
    const messages = lint('Qaraqosh was retaken. Residents of Qaraqosh returned. Qaraqosh is quiet.', {allUnknown: true})
    expect(shown(messages)).toEqual(['1:1-1:9: Unknown name `Qaraqosh` (3 times in this text) [spelling.unknown-name]'])
    expect(messages[0]?.severity).toBe('info')
    expect(messages[0]?.note).toContain('3 times')
  })

  it('accepts names the rule packs write, alone and in compounds', () => {
    expect(lint('Kadhimi met al-Kadhimi aides and Mustafa.')).toEqual([])
  })

  it('accepts the words the user adds, and their plurals', () => {
    expect(lint('Qaraqosh and the Qaraqoshes.', {words: ['Qaraqosh'], allUnknown: true})).toEqual([])
    expect(lint('The qat market.', {words: ['qat'], allUnknown: true})).toEqual([])
    // Another processor without the words still flags them.
    expect(lint('Qaraqosh.', {allUnknown: true}).map((message) => message.ruleId)).toEqual(['spelling.unknown-name'])
  })

  it('offers only names that are the same in Arabic, not a different name a letter away', () => {
    // Lecter is not a slip for Lester, nor Berners for Berbers.
    expect(lint('Hannibal Lecter met Tim Berners-Lee.')).toEqual([])
  })

  it('suggests a close name from the packs for a misspelt name', () => {
    const [message] = lint('Adviser to Kadhimmi.')
    expect(message?.expected).toEqual(['Kadhimi'])
    expect(message?.fix).toBeUndefined()
  })
})

describe('spelling: what is never flagged', () => {
  it.each([
    ['possessives, straight and curly', 'Iraq\u2019s army and Iraq\'s neighbours met the officials\u2019 families.'],
    ['British spellings', 'The colour of the centre was organised by travellers in defence of the programme.'],
    ['British spellings neither dictionary has', 'Yoghurt was served in the annexe of a multi-storeyed hotel.'],
    ['food of the region', 'Stalls sold falafel, shawarma, halloumi and houmous.'],
    ['hyphenated compounds of correct parts', 'A well-known ex-minister called for co-operation in a long-term e-mail.'],
    ['acronyms and words with digits', 'UNAMI said COVID-19 and SARS-CoV-2 cases rose in 2021 by 3rd quarter.'],
    ['links and addresses', 'See https://www.example.com/news/gov or write to press@example.org today.'],
    ['foreign script, left to its own rule', 'The word \u0645\u062D\u0627\u0641\u0638\u0629 means governorate.'],
    ['hashtags', 'Join the #stayathome campaign.'],
    ['loanwords common in news', 'Cases rose per capita, et al. said, in vitro and de facto.']
  ])('%s', (_name, text) => {
    expect(shown(lint(text))).toEqual([])
  })
})

describe('spelling: bounded work', () => {
  const CONSONANTS = 'bcdfghjklmnpqrstvwxz'
  /** Distinct made-up words no dictionary knows: `zq` and the index in consonants. */
  const gibberish = (count: number) =>
    Array.from({length: count}, (_, index) => {
      let word = 'zq'
      for (let rest = index; ; rest = Math.floor(rest / CONSONANTS.length)) {
        word += CONSONANTS[rest % CONSONANTS.length]
        if (rest < CONSONANTS.length) break
      }
      return `${word}v`
    })

  it('stops suggesting after `max` distinct unknown words and says so once', () => {
    const words = gibberish(12)
    const text = `${words.join(' ')}.`
    const messages = lint(text, {max: 5, allUnknown: true})
    const overflow = messages.filter((message) => message.ruleId === 'spelling.overflow')
    // At the sixth word, the first without suggestions.
    const at = text.indexOf(words[5]!) + 1
    expect(overflow.map(String)).toEqual([`1:${at}-1:${at}: Too many unknown words: suggestions stop after 5`])
    expect(messages.filter((message) => message.ruleId === 'spelling.unknown-word')).toHaveLength(12)
  })

  it('caps suggestions by default on a long text of unknown words', () => {
    const messages = lint(`${gibberish(450).join(' ')}.`)
    expect(messages.filter((message) => message.ruleId === 'spelling.overflow').map((message) => message.reason)).toEqual([
      'Too many unknown words: suggestions stop after 400'
    ])
  })

  it('can be turned off by rule family', () => {
    expect(lint('The goverment.', {disable: ['spelling']})).toEqual([])
    expect(lint('The goverment.', {disable: ['spelling.misspelling']})).toEqual([])
  })
})

describe('spelling: the word-form set', () => {
  it('gives nspell’s verdicts, case rules and numbers included', async () => {
    const {default: nspell} = await import('nspell')
    const {readFileSync} = await import('node:fs')
    const {Speller} = await import('../src/spelling/speller.js')
    const base = new URL(import.meta.resolve('dictionary-en'))
    const spell = nspell({aff: readFileSync(new URL('index.aff', base)), dic: readFileSync(new URL('index.dic', base))})
    spell.personal('Kadhimi\nHezbollah')
    const speller = new Speller({dictionary: 'en-US', personal: ['Kadhimi', 'Hezbollah']})
    const words = 'government Government GOVERNMENT goverment governments governmental Iraq IRAQ iraq iPhone IPHONE don’t DON’T Don usa USA Kadhimi KADHIMI kadhimi Hezbollah 21st 22nd 1th 3rd 11th recovered recoverd colour Colour'.split(' ')
    for (const word of words) expect([word, speller.suggestable(word)]).toEqual([word, spell.correct(word)])
  })

  it('reads nspell’s expanded forms (its private `data` and `flags`), and fails loudly if they change shape', async () => {
    const {default: nspell} = await import('nspell')
    const {readFileSync} = await import('node:fs')
    const {expandForms} = await import('../src/spelling/word-forms.js')
    const base = new URL(import.meta.resolve('dictionary-en'))
    const spell = nspell({aff: readFileSync(new URL('index.aff', base)), dic: readFileSync(new URL('index.dic', base))})
    const forms = new Set(expandForms(spell))
    expect(forms.size).toBeGreaterThan(100_000)
    for (const word of ['government', 'governments', 'Iraq', 'recovered']) expect(forms.has(word)).toBe(true)
    expect(() => expandForms({} as typeof spell)).toThrow(/data/)
  })
})

describe('names styled with their own capitals', () => {
  it('does not take a known name in other capitals as a garble of it', () => {
    const ids = (text: string) => posteditSync(text).messages.map((message) => [message.ruleId, message.actual])
    expect(ids('Saudi Arabia sent Ali AlQarni to the space station.')).toEqual([])
    expect(ids('Officials in Baghdad said Erdogen would attend.')).toEqual([['spelling.unknown-name', 'Erdogen']])
  })
})
