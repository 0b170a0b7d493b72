import {describe, expect, it} from 'vitest'
import {postedit} from '../src/postedit.js'

// Boilerplate found by its shape and its place in the article, with the
// default packs. Other families are off so each expectation is about
// boilerplate alone.
const disable = ['spelling', 'typography', 'names', 'needs-human', 'entities', 'calques', 'terms', 'orgs', 'titles']
const fixed = async (text: string, html = false) => (await postedit(text, {fix: true, disable, ...(html ? {format: 'html' as const} : {})})).value
const flagged = async (text: string) =>
  (await postedit(text, {disable})).messages.filter((message) => message.ruleId?.startsWith('artifacts.')).map((message) => message.ruleId)

const body =
  'The Bahraini cabinet approved a plan on Sunday to build 4,000 homes for young families by 2028, the housing ministry said, in the largest such project in a decade.'

describe('boilerplate above and under the headline', () => {
  it('removes a breadcrumb trail, then an outlet line, above the headline', async () => {
    const text = `Home » Local » Housing\n\nAl Ayam Online\n\nBahrain approves 4,000 homes\n\n${body}\n`
    expect(await fixed(text)).toBe(`Bahrain approves 4,000 homes\n\n${body}\n`)
  })

  it('removes a byline with its timestamp and a timestamp line under the headline', async () => {
    const text = `Bahrain approves 4,000 homes\n\nWritten by Hamad Al Khalifa - Sunday, 9 March 2025 11:05 AM\n\nPosted: 9 March 2025 - Updated: 10 March 2025, 08:00\n\n${body}\n`
    expect(await fixed(text)).toBe(`Bahrain approves 4,000 homes\n\n${body}\n`)
  })

  it('removes a photo caption with its credit, under the headline and between paragraphs', async () => {
    const text = `Bahrain approves 4,000 homes\n\nWorkers at a housing site in Sitra. (Photo: Bahrain News Agency)\n\n${body}\n\nA new district near Manama, seen from the air (archive photo)\n\nWork starts next year.\n`
    expect(await fixed(text)).toBe(`Bahrain approves 4,000 homes\n\n${body}\n\nWork starts next year.\n`)
  })

  it('leaves a headline that starts with "By" and a sentence with a bracketed source', async () => {
    const text = `By Sea and Air, Aid Reaches Gaza\n\n${body}\n\nThe plan costs $2 billion (the ministry gave the figure).\n`
    expect(await flagged(text)).toEqual([])
  })
})

describe('datelines run into the first paragraph', () => {
  it('deletes the agency dateline in its wire formats, and the article starts after it', async () => {
    for (const dateline of [
      'MANAMA, March 9 (BNA) -- ',
      'Manama, 9th March, 2025 (Bahrain News Agency) - ',
      'Manama, Ramadan 9, 1446, March 9, 2025, BNA -- ',
      'Manama / Anadolu - ',
      'Manama: «Akhbar Al Khaleej» '
    ]) {
      const text = `Bahrain approves 4,000 homes\n\n${dateline}${body}\n`
      expect(await fixed(text), dateline).toBe(`Bahrain approves 4,000 homes\n\n${body}\n`)
    }
  })

  it('leaves a first sentence that starts with a city name', async () => {
    for (const opening of ['Manama, the capital, ', 'Manama (population 200,000) ', 'MANAMA — ']) {
      const text = `Bahrain approves 4,000 homes\n\n${opening}${body}\n`
      expect(await flagged(text), opening).toEqual([])
    }
  })
})

describe('the block after the last paragraph', () => {
  it('removes every line of a footer: share buttons, follow links, end mark, desk and translator credits', async () => {
    const footer = [
      'Share: Facebook | X | WhatsApp | Copy link',
      'Follow us on Telegram and Instagram',
      '(End) hk.ms',
      'BNA/Fatima Hassan/Ali Saeed',
      'Translation and editing: Gulf News'
    ]
    const text = `Bahrain approves 4,000 homes\n\n${body}\n\n${footer.join('\n\n')}\n`
    expect(await fixed(text)).toBe(`Bahrain approves 4,000 homes\n\n${body}\n`)
  })

  it("removes an agency's notice to subscribers", async () => {
    const text = `Bahrain approves 4,000 homes\n\n${body}\n\nThe Bahrain News Agency website carries only part of the stories it sends to its subscribers.\n`
    expect(await fixed(text)).toBe(`Bahrain approves 4,000 homes\n\n${body}\n`)
  })

  it('keeps a last paragraph that only mentions following or editing', async () => {
    const text = `Bahrain approves 4,000 homes\n\n${body}\n\nFollow-up inspections will start in June.\n\nEditing the law took two years.\n`
    expect(await flagged(text)).toEqual([])
  })
})

describe('boilerplate in HTML paragraphs', () => {
  it('deletes a boilerplate paragraph, tags and line, and keeps the article', async () => {
    const html = `<p>Home / Local / Housing</p>\n<h1>Bahrain approves 4,000 homes</h1>\n<p>MANAMA, March 9 (BNA) -- ${body}</p>\n<p>Follow us on Telegram</p>\n`
    expect(await fixed(html, true)).toBe(`<h1>Bahrain approves 4,000 homes</h1>\n<p>${body}</p>\n`)
  })
})
