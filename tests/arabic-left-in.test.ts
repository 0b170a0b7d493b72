import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'
import {normalizeArabic} from '../src/rules/arabic-left-in.js'

const options = {disable: ['spelling', 'entities']}
const fix = async (text: string, names?: string[]) => (await postedit(text, {...options, names, fix: true})).value
const messages = async (text: string, names?: string[]) =>
  (await postedit(text, {...options, names})).messages.map((message) => [message.ruleId, message.actual, message.expected, message.fix ? 'fix' : 'suggest'])

describe('names left in Arabic script', () => {
  it('replaces a country or city the gazetteer writes in Arabic with its English name', async () => {
    expect(await fix('Aid convoys left مصر for Gaza, and a second one reached حلب at dawn.')).toBe('Aid convoys left Egypt for Gaza, and a second one reached Aleppo at dawn.')
    expect(await fix('The new port opens in عجمان next year.')).toBe('The new port opens in Ajman next year.')
  })

  it('finds the name under a proclitic, the article and short vowels', async () => {
    expect(await fix('Talks moved from بِحَلَب to وإسكندرية last week.')).toBe('Talks moved from Aleppo to Alexandria last week.')
  })

  it('reports every candidate without a fix when two entities share the Arabic form', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'postedit-arabic-'))
    const file = join(directory, 'house.yml')
    writeFileSync(file, ['gazetteer: house', 'description: two towns of one Arabic name', 'entities:', '  - {name: Tripoli, kind: place, country: LY, arabic: [طرابلس]}', '  - {name: Tripoli Lebanon, kind: place, country: LB, arabic: [طرابلس]}', ''].join('\n'))
    expect(await messages('Fighting resumed in طرابلس on Friday.', [file])).toContainEqual(['names.arabic-script', 'طرابلس', ['Tripoli', 'Tripoli Lebanon'], 'suggest'])
  })

  it('leaves Arabic it does not know to the untranslated-text report, and an Arabic text alone', async () => {
    expect((await messages('The crowd chanted كلمة again.')).map(([id]) => id)).toEqual(['typography.foreign-script'])
    expect((await messages('زار الوزير مصر أمس')).map(([id]) => id)).not.toContain('names.arabic-script')
  })

  it('normalises the spellings Arabic allows of one name', () => {
    expect(normalizeArabic('الإسكندرِيّة')).toBe(normalizeArabic('الاسكندريه'))
  })
})
