import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {posteditSync, type Options} from '../src/postedit.js'

const cli = resolve(import.meta.dirname, '../dist/cli.js')
const directory = mkdtempSync(join(tmpdir(), 'postedit-speller-'))
// A pack whose replacement writes a misspelling: its vocabulary must not leak into other processors.
const sloppyPack = join(directory, 'sloppy.yml')
writeFileSync(
  sloppyPack,
  `pack: sloppy
description: A pack that writes a misspelt word.
entries:
  - id: council
    type: substitution
    match: [the counsel of ministers]
    replace: the goverment council
    note: A test pack.
    examples:
      - in: He spoke to the counsel of ministers.
        out: He spoke to the goverment council.
`
)

const TEXT = 'The goverment of the province raised taxes on fuel.'
const spelling = (text: string, options: Options) =>
  posteditSync(text, options)
    .messages.filter((message) => String(message.ruleId).startsWith('spelling.'))
    .map(String)

describe('one speller per processor', () => {
  it('gives the same messages for the same text and options, whatever ran before', () => {
    const before = spelling(TEXT, {packs: []})
    expect(before).toEqual(['1:5-1:14: Unexpected `goverment`, expected `government`'])
    // A processor whose pack writes `goverment` accepts it…
    expect(spelling(TEXT, {packs: [sloppyPack]})).toEqual([])
    // …and teaches nobody else.
    expect(spelling(TEXT, {packs: []})).toEqual(before)
    expect(spelling(TEXT, {packs: [], words: ['goverment']})).toEqual([])
    expect(spelling(TEXT, {packs: []})).toEqual(before)
  })

  it('takes retext-spell’s `personal` and `ignore` through the plugin', async () => {
    const {default: retextPosteditSpelling} = await import('../src/rules/spelling.js')
    const {unified} = await import('unified')
    const {default: retextEnglish} = await import('retext-english')
    const check = async (options: object) =>
      (await unified().use(retextEnglish).use(retextPosteditSpelling, {packs: [], ...options}).use(function () {
        this.compiler = () => ''
      }).process('The goverment met.')).messages.map((message) => message.ruleId)
    expect(await check({})).toEqual(['spelling.misspelling'])
    expect(await check({personal: 'goverment\n'})).toEqual([])
    expect(await check({ignore: ['goverment']})).toEqual([])
  })
})

const BRITISH = 'The council organised a programme to repaint the centre in a grey colour; the defence ministry travelled 40 kilometres and moved 12 tonnes of aluminium.'
const AMERICAN = 'The color of the center was gray.'

describe('English varieties', () => {
  it('accepts British and American spelling by default, with American suggestions', () => {
    expect(spelling(BRITISH, {packs: []})).toEqual([])
    expect(spelling(AMERICAN, {packs: []})).toEqual([])
    expect(spelling('The goverment.', {packs: []})).toEqual(['1:5-1:14: Unexpected `goverment`, expected `government`'])
  })

  it('checks British spelling only under en-GB', () => {
    expect(spelling(BRITISH, {packs: [], dictionary: 'en-GB'})).toEqual([])
    expect(spelling(AMERICAN, {packs: [], dictionary: 'en-GB'})).toEqual([
      '1:5-1:10: Unexpected `color` (en-US spelling), expected `colour`',
      '1:18-1:24: Unexpected `center` (en-US spelling), expected `centre`',
      '1:29-1:33: Unexpected `gray` (en-US spelling), expected `grey`'
    ])
  })

  it('checks American spelling only under en-US', () => {
    expect(spelling(AMERICAN, {packs: [], dictionary: 'en-US'})).toEqual([])
    expect(spelling('The programme was organised.', {packs: [], dictionary: 'en-US'})).toEqual([
      '1:5-1:14: Unexpected `programme` (en-GB spelling), expected `program`',
      '1:19-1:28: Unexpected `organised` (en-GB spelling), expected `organized`'
    ])
  })

  it('takes en-GB from the command line and from .posteditrc', () => {
    const project = mkdtempSync(join(tmpdir(), 'postedit-gb-'))
    writeFileSync(join(project, 'american.txt'), `${AMERICAN}\n`)
    const run = (args: string[]) => spawnSync(process.execPath, [cli, '--format', 'json', ...args], {cwd: project, encoding: 'utf8'})
    const ids = (args: string[]) => (JSON.parse(run(args).stdout) as Array<{messages: Array<{ruleId: string; actual: string}>}>)[0]!.messages.map((message) => `${message.ruleId} ${message.actual}`)
    expect(ids(['american.txt'])).toEqual([])
    expect(ids(['--dictionary', 'en-GB', 'american.txt'])).toEqual(['spelling.variety color', 'spelling.variety center', 'spelling.variety gray'])
    writeFileSync(join(project, '.posteditrc'), 'dictionary: en-GB\n')
    expect(ids(['american.txt'])).toEqual(['spelling.variety color', 'spelling.variety center', 'spelling.variety gray'])
    expect(run(['--dictionary', 'fr', 'american.txt']).status).toBe(2)
  })
})

describe('the neighbour test of candidate search', () => {
  it('gives the same verdicts as the full check for the one-edit neighbours of lower-case words, names and accented words', async () => {
    const {Speller} = await import('../src/spelling/speller.js')
    const speller = new Speller({personal: ['Karbala', 'Houthi'], words: ['Zarqawi']})
    const cases: Array<[string, string[]]> = [
      ['goverment', ['government', 'goverments', "gov'erment", 'goverment']],
      ['Karbalaa', ['Karbala', 'Karbalas', 'Karbalaa']],
      ['Hothi', ['Houthi', 'Hothis']],
      ['cafe', ['café', 'cafes', 'safe']],
      ['Émilee', ['Émile', 'Émilie']],
      ['NATO', ['NATOs', 'NAT']],
      ['Goverment', ['Government', 'Goverments', 'G', "G'"]],
      ['Londn', ['London', 'Londns']]
    ]
    for (const [word, forms] of cases) {
      const test = speller.neighbourTest(word)
      for (const form of forms) expect([word, form, test(form)]).toEqual([word, form, speller.suggestable(form)])
    }
    // A word the dictionary knows is one, a string nothing knows is not: the test can tell them apart.
    expect(speller.neighbourTest('goverment')('government')).toBe(true)
    expect(speller.neighbourTest('goverment')('goverments')).toBe(false)
  })
})

describe('common words two edits away', () => {
  it('finds common words that share a one-letter deletion with the typed word, and only those the dictionary accepts', async () => {
    const {commonNeighbours} = await import('../src/spelling/frequency.js')
    const any = () => true
    expect(commonNeighbours('beggining', any)).toContain('beginning')
    expect(commonNeighbours('recieve', any)).toContain('receive')
    expect(commonNeighbours('goverment', any)).toContain('government')
    // Never the word itself, never a form with letters other than a-z, never a rare or short word.
    expect(commonNeighbours('beginning', any)).not.toContain('beginning')
    expect(commonNeighbours('goVerment', any).every((word) => /^[a-z]{5,}$/.test(word))).toBe(true)
    expect(commonNeighbours('recieve', (word) => word !== 'receive')).not.toContain('receive')
  })
})

describe('candidates for a name', () => {
  it('are one edit from the name after its first letter: dropped, swapped, replaced or added letters', async () => {
    const {isOneEditFrom, oneEditAway} = await import('../src/spelling/candidates.js')
    for (const name of ['Karbalaa', 'Hothi', 'Assad', "Sana'a", 'Aa']) {
      const made = new Set<string>()
      oneEditAway(name, 1, (form) => made.add(form))
      made.delete(name)
      const tried = [...made, name, name.slice(1), `X${name}`, `${name}ss`, name.toUpperCase(), `${name}é`, name.replace(/^./, 'Z')]
      for (const form of tried) expect([name, form, isOneEditFrom(name, form, 1)]).toEqual([name, form, made.has(form)])
    }
    expect(isOneEditFrom('Karbalaa', 'Karbala', 1)).toBe(true)
    expect(isOneEditFrom('Karbalaa', 'Barbalaa', 1)).toBe(false)
  })

  it('among postedit’s words and the article’s names are those the full search finds there', async () => {
    const {Speller} = await import('../src/spelling/speller.js')
    const {candidatesFor, nameCandidatesAmong} = await import('../src/spelling/candidates.js')
    const speller = new Speller({personal: ['Karbala', 'Houthi', 'Kowalczyk']})
    for (const [name, article] of [['Karbalaa', []], ['Hothi', ['Houti']], ['Kowalczik', ['Kowalczyk', 'Kowalski']]] as const) {
      const among = new Set<string>([...article, 'Karbala', 'Houthi', 'Kowalczyk'])
      const full = candidatesFor(speller, name).filter((candidate) => among.has(candidate.word) && (speller.isPersonal(candidate.word) || article.includes(candidate.word as never)))
      expect(nameCandidatesAmong(speller, name, article)).toEqual(full)
    }
    expect(nameCandidatesAmong(speller, 'Karbalaa', []).map((candidate) => candidate.word)).toEqual(['Karbala'])
  })
})
