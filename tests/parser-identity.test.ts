import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import retextPosteditEnglish from '../src/parse/english.js'

// postedit's parser must give exactly the tree retext-english gives: every
// rule reads offsets and node types from it. These tests fail when either
// side changes (an upstream release included).
const upstream = unified().use(retextEnglish)
const ours = unified().use(retextPosteditEnglish)
const parseBoth = (text: string) => [ours.parse(text), upstream.parse(text)] as const

/** Texts whose trees differ (the first few), for a readable failure. */
function differing(texts: Iterable<string>): string[] {
  const found: string[] = []
  for (const text of texts) {
    const [mine, theirs] = parseBoth(text)
    if (!isDeepStrictEqual(mine, theirs)) found.push(text)
    if (found.length >= 5) break
  }
  return found
}

const seed = readFileSync(resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.txt'), 'utf8')

const tricky = [
  '',
  ' ',
  '\n\n\t \u00a0\n',
  'One line.\r\nNext line.\r\n\r\nNew paragraph.\rAfter a lone CR.\n\rOdd order.',
  'Tabs\tbetween\twords\t\tand  two spaces.',
  'A no-break\u00a0space, a thin\u2009one and a narrow\u202fone.',
  'Marks\u200e left\u200f and\u061c Arabic letter mark, zero\u200bwidth, joiner\u200djoined.',
  'The minister said \u0627\u0644\u0648\u0632\u064a\u0631 in Arabic, with digits \u0661\u0662\u0663 and \u06f4\u06f5.',
  'Emoji \ud83d\ude00\ud83d\ude00 and \ud83c\uddfa\ud83c\uddf8 flags, math \ud835\udc00 letters.',
  'Lone halves \ud83d alone and \ude00 alone, \ud83d\ud83d twice, end \ud83d',
  'Combining: cafe\u0301, n\u0303o, a\u0308\u0308.',
  'What?! Really?!? Wait... and then\u2026 so -- on --- and !!',
  'It\u2019s the people\u2019s choice; it\'s the \'quoted\' word and rock \u2019n\u2019 roll.',
  'The U.S. and U.K. envoys met Mr. Smith, Dr. Jones and Gen. al-Ahmad at 5 p.m. on Jan. 3.',
  'The WHO, UN and E.U. said so. I.B.M. agreed. e.g. this, i.e. that.',
  "Rock 'n' roll, ol' man, a -o' x, an o' the, 'tis so, 'cause, 'em all, the '90s, w/o, w/'em, W/'Em and w//x.",
  'and/or the Israeli/Palestinian talks, w/ friends, 24/7 and a/b/c.',
  'See https://example.org/path/to?q=1&r=2#frag and www.example.com. Mail news@example.org.',
  'Numbers 1,234,567.89 and 3.5% and $4.2bn, 10:30, 1990s, 2nd, -5 and +7.',
  'Versions 1.2. and 3.4.5. and a.1. and \u0661.\u0662. and \u00bd.2. and x.y.z. end.',
  '"Quoted," she said. \u201cCurly,\u201d he said. \u00abGuillemets\u00bb too. (Brackets.) [Square.]',
  'Sentence one. sentence lower. 2 digits start. Next! Another? Last',
  'Word-with-hyphens and under_scores and a\u00adsoft hyphen, dot\u00b7middle.',
  '  leading space and trailing space  ',
  '#hashtag @mention & ampersand * star ~ tilde ^ caret | pipe \\ backslash',
  '\u2028line separator\u2029paragraph separator\u0085next line\u000bvt\u000cff'
]

describe('postedit\u2019s parser', () => {
  it('gives retext-english\u2019s tree for the seed article, whole and line by line', () => {
    expect(differing([seed, ...seed.split('\n')])).toEqual([])
  })

  it('gives retext-english\u2019s tree for tricky strings', () => {
    expect(differing(tricky)).toEqual([])
    expect(differing([tricky.join('\n'), tricky.join(' '), tricky.join('\n\n')])).toEqual([])
  })

  it('counts a CRLF as one line break and an astral character as two code units', () => {
    const [mine] = parseBoth('Mr. Smith left.\r\nHe\u2019s gone \ud83d\ude00.')
    expect((mine as Root).children.map((node) => [node.type, node.position?.start, node.position?.end])).toEqual([
      ['ParagraphNode', {line: 1, column: 1, offset: 0}, {line: 1, column: 16, offset: 15}],
      ['WhiteSpaceNode', {line: 1, column: 16, offset: 15}, {line: 2, column: 1, offset: 17}],
      ['ParagraphNode', {line: 2, column: 1, offset: 17}, {line: 2, column: 14, offset: 30}]
    ])
  })

  it('honours the nlcst extension hooks in processor data as retext-english does', () => {
    const marked: string[] = []
    const hook = (label: string) => (node: {type: string}) => {
      marked.push(`${label}:${node.type}`)
    }
    const withHooks = (plugin: typeof retextEnglish) =>
      unified()
        .use(plugin)
        .data('nlcstSentenceExtensions' as never, [hook('sentence')] as never)
        .data('nlcstParagraphExtensions' as never, [hook('paragraph')] as never)
        .data('nlcstRootExtensions' as never, [hook('root')] as never)
    withHooks(retextEnglish).parse('One. Two.\n\nThree.')
    const theirs = marked.splice(0)
    withHooks(retextPosteditEnglish as typeof retextEnglish).parse('One. Two.\n\nThree.')
    expect(marked).toEqual(theirs)
    expect(marked).toContain('sentence:SentenceNode')
  })

  // The shared corpora of this project's machines: real news and MT output.
  const corpora = '/work/shared/corpora'
  it.skipIf(!existsSync(corpora))('gives retext-english\u2019s tree for the clean corpora and MT lines', () => {
    const files = ['clean/ntrex128/newstest2019-src.eng.txt', 'clean/tico19/tico19-test.en', 'mt-ar-en/tico19-test.hplt-v1.0.first376.aligned.tsv']
    for (const file of files) {
      const text = readFileSync(resolve(corpora, file), 'utf8')
      expect(differing([text, ...text.split('\n').flatMap((line) => line.split('\t'))]), file).toEqual([])
    }
  })

  it('gives retext-english\u2019s tree for thousands of random strings', () => {
    // Seeded (mulberry32), so a failure is reproducible.
    let state = 0x5eed1234
    const random = () => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const alphabet = [
      ...'abcXYZ019 .,;:!?\'"-/&@_()[]#$%*+=<>\\|~^`',
      ...' \t\n\r\u00a0\u2009\u202f\u3000\u2028\u000b',
      '\r\n', '\n\n', '\r\n\r\n', '\n \n', '...', '?!', '__', '--', 'Mr.', 'U.S.', 'e.g.', '1.', 'x.', '\u0661.', '\u00bd.', 'al-', 'w/', '\u2019s', '\u2019', 'o', 'ol', "'n'", "'em", "'90s", '\u2019tis',
      '\u0627', '\u0644', '\u0645', '\u0661', '\u06f5', '\u060c', '\u061f', '\u066b', '\u064e', '\u0640',
      '\u200e', '\u200f', '\u061c', '\u200b', '\u200d', '\u00ad', '\u00b7', '\u2010', '\u2011', '\u2027', '\u2026', '\u201c', '\u201d', '\u00ab', '\u00bb',
      '\u00e9', '\u0301', '\u20ac', '\u00a9', '\u2022',
      '\ud83d\ude00', '\ud83c\udf0d', '\ud835\udc00', '\ud83d', '\ude00', '\udbff\udfff'
    ]
    const texts: string[] = []
    for (let count = 0; count < 3000; count++) {
      const length = Math.floor(random() * 40)
      let text = ''
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)]
      texts.push(text)
    }
    expect(differing(texts)).toEqual([])
  })
})
