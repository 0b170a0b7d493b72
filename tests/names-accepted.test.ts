import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

/**
 * Well-known people and places of the region, each with its AP spelling
 * first and the other spellings AP, Reuters, BBC, Al Jazeera English, the
 * person's own usage or the encyclopedia title use. None of these is an
 * error: by default nothing is changed or flagged; with `style: 'ap'` each
 * non-AP spelling gets a `style.*` suggestion, and nothing is fixed.
 */
const PEOPLE: Array<[string, ...string[]]> = [
  ['Nouri al-Maliki', 'Nuri al-Maliki'],
  ['Muqtada al-Sadr', 'Moqtada al-Sadr', 'Moqtada Sadr'],
  ['Haider al-Abadi', 'Haidar al-Abadi'],
  ['Ayad Allawi', 'Iyad Allawi'],
  ['Barham Salih', 'Barham Saleh'],
  ['Masoud Barzani', 'Massoud Barzani'],
  ['Fuad Hussein', 'Fouad Hussein'],
  ['Hadi al-Amiri', 'Hadi al-Ameri'],
  ['Falih al-Fayyadh', 'Faleh al-Fayyad'],
  ['Tariq al-Hashemi', 'Tariq al-Hashimi'],
  ['Osama al-Nujaifi', 'Usama al-Nujaifi'],
  ['Bashar al-Assad', 'Bashar Assad'],
  ['Hafez al-Assad', 'Hafiz al-Assad'],
  ['Abu Mohammed al-Golani', 'Abu Mohammad al-Jolani', 'Abu Muhammad al-Julani'],
  ['Ahmed al-Sharaa', 'Ahmad al-Sharaa'],
  ['Mazloum Abdi', 'Mazlum Abdi'],
  ['Riyad Hijab', 'Riad Hijab'],
  ['Rafik Hariri', 'Rafic Hariri', 'Rafiq Hariri'],
  ['Saad Hariri', 'Saad al-Hariri'],
  ['Michel Sleiman', 'Michel Suleiman'],
  ['Amin Gemayel', 'Amine Gemayel'],
  ['Suleiman Frangieh', 'Sleiman Frangieh'],
  ['Fouad Siniora', 'Fuad Siniora'],
  ['Imad Mughniyeh', 'Imad Mughniyah'],
  ['Walid Jumblatt', 'Walid Jumblat'],
  ['Yasser Arafat', 'Yasir Arafat'],
  ['Khaled Meshaal', 'Khaled Mashal', 'Khalid Mishal'],
  ['Marwan Barghouti', 'Marwan Barghouthi'],
  ['Saeb Erekat', 'Saeb Erakat'],
  ['Mousa Abu Marzouk', 'Moussa Abu Marzouk', 'Musa Abu Marzuq'],
  ['Mohammad Shtayyeh', 'Mohammed Shtayyeh'],
  ['Benjamin Netanyahu', 'Binyamin Netanyahu'],
  ['Avigdor Lieberman', 'Avigdor Liberman'],
  ['Moshe Yaalon', "Moshe Ya'alon"],
  ['Gideon Saar', "Gideon Sa'ar"],
  ['Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan'],
  ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi', 'Abdel Fattah el-Sissi'],
  ['Mohammed Morsi', 'Mohamed Morsi', 'Mohammed Mursi', 'Mohamed Mursi'],
  ['Mostafa Madbouly', 'Mustafa Madbouly'],
  ['Moammar Gadhafi', 'Muammar Gaddafi', 'Muammar al-Qaddafi', 'Moammar Qaddafi', 'Muammar Qadhafi'],
  ['Seif al-Islam Gadhafi', 'Saif al-Islam Gaddafi', 'Saif al-Islam al-Qaddafi'],
  ['Khalifa Haftar', 'Khalifa Hifter'],
  ['Fayez al-Sarraj', 'Fayez al-Serraj'],
  ['Abdul Hamid Dbeibah', 'Abdul Hamid Dbeibeh', 'Abdulhamid Dbeibah'],
  ['Aguila Saleh', 'Aqila Saleh'],
  ['Mohammed bin Salman', 'Mohammad bin Salman', 'Muhammad bin Salman'],
  ['Mohammed bin Nayef', 'Muhammad bin Nayef', 'Mohammed bin Naif'],
  ['Osama bin Laden', 'Usama bin Laden'],
  ['Mohammed bin Zayed', 'Mohamed bin Zayed'],
  ['Tahnoun bin Zayed', 'Tahnoon bin Zayed'],
  ['Tamim bin Hamad Al Thani', 'Tamim bin Hamad'],
  ['Haitham bin Tariq', 'Haitham bin Tarik'],
  ['Badr Albusaidi', 'Badr al-Busaidi'],
  ['Hamzah bin Hussein', 'Hamza bin Hussein'],
  ['Qassem Soleimani', 'Qasem Soleimani', 'Qassem Suleimani'],
  ['Abbas Araghchi', 'Abbas Araqchi'],
  ['Mohammad Javad Zarif', 'Mohammed Javad Zarif'],
  ['Hossein Amir-Abdollahian', 'Hossein Amirabdollahian'],
  ['Mohammad Bagher Ghalibaf', 'Mohammad Baqer Qalibaf'],
  ['Mehdi Karroubi', 'Mahdi Karroubi'],
  ['Ebrahim Raisi', 'Ebrahim Raeisi'],
  ['Masoud Pezeshkian', 'Massoud Pezeshkian'],
  ['Abed Rabbo Mansour Hadi', 'Abd Rabbuh Mansur Hadi', 'Abdrabbuh Mansour Hadi'],
  ['Ali Abdullah Saleh', 'Ali Abdallah Saleh'],
  ['Anwar al-Awlaki', 'Anwar al-Aulaqi', 'Anwar al-Awlaqi'],
  ['Tawakkol Karman', 'Tawakkul Karman'],
  ['Rached Ghannouchi', 'Rachid Ghannouchi'],
  ['Abdelmadjid Tebboune', 'Abdelmajid Tebboune'],
  ['Mohamed Hamdan Dagalo', 'Mohamed Hamdan Daglo', 'Mohammed Hamdan Dagalo'],
  ['Abdalla Hamdok', 'Abdallah Hamdok', 'Abdullah Hamdok'],
  ['Ayman al-Zawahri', 'Ayman al-Zawahiri'],
  ['Yusuf al-Qaradawi', 'Youssef al-Qaradawi'],
  ['Sergey Lavrov', 'Sergei Lavrov'],
  ['Dmitry Medvedev', 'Dmitri Medvedev']
]

const PLACES: Array<[string, ...string[]]> = [
  ['Fallujah', 'Falluja'],
  ['Erbil', 'Irbil', 'Arbil', 'Hawler'],
  ['Sulaimaniyah', 'Sulaymaniyah', 'Slemani'],
  ['Deir el-Zour', 'Deir ez-Zor', 'Deir al-Zor'],
  ['Daraa', 'Deraa'],
  ['Sweida', 'Suwayda'],
  ['Kobani', 'Kobane'],
  ['Tal Abyad', 'Tell Abyad'],
  ['Ras al-Ain', 'Ras al-Ayn'],
  ['Bekaa Valley', 'Beqaa Valley'],
  ['Hadramout', 'Hadramawt', 'Hadhramaut'],
  ['Khan Younis', 'Khan Yunis'],
  ['Tulkarem', 'Tulkarm'],
  ['Sistan-Baluchestan', 'Sistan-Baluchistan'],
  ['Khuzestan', 'Khuzistan'],
  ['Hodeidah', 'Hodeida'],
  ['Salahuddin', 'Salah al-Din'],
  ['Dhi Qar', 'Thi Qar'],
  ['Palmyra', 'Tadmur'],
  ['Mecca', 'Makkah'],
  ['Medina', 'Madinah'],
  ['Sanaa', "Sana'a"],
  ['Basra', 'Basrah'],
  ['Raqqa', 'Raqqah'],
  ['Misrata', 'Misurata'],
  ['Marrakech', 'Marrakesh'],
  ['Fez', 'Fes']
]

const GROUPS: Array<[string, ...string[]]> = [
  ['Hezbollah', 'Hizbollah', 'Hizballah'],
  ['Hayat Tahrir al-Sham', "Hay'at Tahrir al-Sham"],
  ['al-Qaida', 'al-Qaeda'],
  ['Al-Shabab', 'Al-Shabaab'],
  ['Ansar Allah', 'Ansarullah'],
  ['Popular Mobilization Forces', 'Popular Mobilisation Forces']
]

const sentence = {
  person: (name: string) => `Reporters asked ${name} about the plan on Tuesday.`,
  place: (name: string) => `The delegation arrived in ${name} on Tuesday.`,
  group: (name: string) => `Officials said ${name} had rejected the plan on Tuesday.`
}

const cases = [
  ...PEOPLE.map((forms) => ({kind: 'person' as const, forms})),
  ...PLACES.map((forms) => ({kind: 'place' as const, forms})),
  ...GROUPS.map((forms) => ({kind: 'group' as const, forms}))
]

describe('names: accepted spellings (issue 9)', () => {
  it('holds at least 100 people and places', () => {
    expect(PEOPLE.length + PLACES.length).toBeGreaterThanOrEqual(100)
  })

  it.each(cases.map(({kind, forms}) => [forms[0], kind, forms] as const))('%s: every accepted spelling is silent by default', async (_name, kind, forms) => {
    for (const form of forms) {
      const text = sentence[kind](form)
      const result = await postedit(text, {fix: true})
      expect(result.value, form).toBe(text)
      expect(result.messages.map((m) => `${m.ruleId}: ${m.actual ?? ''}`), form).toEqual([])
    }
  })

  it.each(cases.map(({kind, forms}) => [forms[0], kind, forms] as const))('%s: with style ap, each other spelling gets a style suggestion', async (_name, kind, forms) => {
    const [ap, ...others] = forms
    const plain = await postedit(sentence[kind](ap), {style: 'ap'})
    expect(plain.messages).toEqual([])
    for (const form of others) {
      const text = sentence[kind](form)
      const result = await postedit(text, {style: 'ap', fix: true})
      expect(result.value, form).toBe(text)
      const styled = result.messages.filter((m) => String(m.ruleId).startsWith('style.'))
      expect(styled.map((m) => m.expected), form).toEqual([[ap]])
      expect(result.messages.filter((m) => !String(m.ruleId).startsWith('style.')), form).toEqual([])
    }
  })

  it('with style reuters, suggests the Reuters form where it differs from AP', async () => {
    const result = await postedit('Reporters asked Nouri al-Maliki about the plan on Tuesday.', {style: 'reuters'})
    expect(result.messages.map((m) => [m.ruleId, m.expected])).toEqual([['style.name', ['Nuri al-Maliki']]])
    expect((await postedit('Reporters asked Nuri al-Maliki about the plan on Tuesday.', {style: 'reuters'})).messages).toEqual([])
  })

  it('reports two accepted spellings of one name in one article as a suggestion, never a fix', async () => {
    const text = 'Fighting resumed in Fallujah on Monday.\n\nResidents of Falluja said the bridge was closed.'
    const result = await postedit(text, {fix: true})
    expect(result.value).toBe(text)
    expect(result.messages.map((m) => [m.ruleId, m.actual, m.expected, m.severity])).toEqual([['names.consistency', 'Falluja', ['Fallujah'], 'info']])
  })
})

describe('names: --style on the command line and `style` in configuration', () => {
  const cli = resolve(import.meta.dirname, '../dist/cli.js')
  const folders: string[] = []
  afterAll(() => {
    for (const folder of folders) rmSync(folder, {recursive: true, force: true})
  })
  const ruleIds = (args: string[], cwd: string) => {
    const result = spawnSync(process.execPath, [cli, '--format', 'json', ...args], {cwd, encoding: 'utf8'})
    return (JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string}>}>).flatMap((file) => file.messages.map((m) => m.ruleId))
  }

  it('suggests the house spelling with --style or a config `style`, and rejects an unknown style', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postedit-names-'))
    folders.push(folder)
    writeFileSync(join(folder, 'a.txt'), 'Residents of Falluja said the bridge was closed.\n')
    expect(ruleIds(['a.txt'], folder)).toEqual([])
    expect(ruleIds(['--style', 'ap', 'a.txt'], folder)).toEqual(['style.name'])
    expect(ruleIds(['--style', 'reuters', 'a.txt'], folder)).toEqual([])
    writeFileSync(join(folder, '.posteditrc.yml'), 'style: ap\n')
    expect(ruleIds(['a.txt'], folder)).toEqual(['style.name'])
    const bad = spawnSync(process.execPath, [cli, '--style', 'bbc', 'a.txt'], {cwd: folder, encoding: 'utf8'})
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('unknown style')
  }, 180_000)
})
