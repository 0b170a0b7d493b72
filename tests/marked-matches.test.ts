import {describe, expect, it} from 'vitest'
import {LINK_MARKS, matchesAroundMarks} from '../src/infra/marked-matches.js'
import {plainTextHiddenRanges} from '../src/markdown/mask.js'

/** Link-like patterns of the shapes postedit masks: a scheme or www. and what follows, or an address. */
const PATTERNS = [/\b(?:https?:\/\/|www\.)[^\s<>()]+|[\w.+-]+@[\w-]+\.[\w.-]+/g, /\b(?:https?:\/\/|www\.)[^\s<>"'\u201C\u201D]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu]

const everywhere = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length])

describe('matches found around their marks', () => {
  it('are the matches the pattern finds in the whole text', () => {
    // Random texts of the characters that make and break links, with seeds for repeatability.
    const alphabet = ['a', 'b', 'w', 'w', '.', '@', ' ', '\n', '\t', '\u00A0', 'h', 't', 'p', 's', ':', '/', '(', ')', '<', '"', 'é', '-', '_', 'W', 'H', 'T', 'P', '\u2003']
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 20_000; round++) {
      let text = ''
      const length = Math.floor(random() * 40)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      for (const pattern of PATTERNS) expect(matchesAroundMarks(text, pattern, LINK_MARKS), JSON.stringify(text)).toEqual(everywhere(text, pattern))
    }
  })

  it('mask the links and addresses of a plain text', () => {
    const text = 'Details: https://example.org/plan (www.example.org) or press@example.org.\nNothing@ here, and no www either.'
    expect(plainTextHiddenRanges(text).map(([start, end]) => text.slice(start, end))).toEqual(['https://example.org/plan', 'www.example.org', 'press@example.org.'])
  })
})
