import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {chunkRanges, withChunkLimits} from '../src/engine/chunks.js'
import type {PosteditMessage} from '../src/engine/report.js'
import {isWide} from '../src/infra/eager-regexp.js'
import {loadHtmlSupport} from '../src/markdown/html-mask.js'
import {loadMarkdownSupport, MASK, maskRanges} from '../src/markdown/mask.js'
import {MaskedText} from '../src/engine/masked-text.js'
import {findArtifacts} from '../src/packs/find.js'
import {loadRules} from '../src/index.js'
import {posteditSync, type Options} from '../src/postedit.js'

beforeAll(async () => {
  await loadMarkdownSupport()
  await loadHtmlSupport()
})

/** What a user sees of a run: every message (rule, place, text, expected, fix) and the fixed text. */
function seen(text: string, options: Options) {
  const result = posteditSync(text, options)
  const place = (message: PosteditMessage) => message.place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
  return {
    value: result.value,
    messages: result.messages.map((message) => [
      message.ruleId,
      place(message).start.line,
      place(message).start.column,
      place(message).start.offset,
      place(message).end.line,
      place(message).end.column,
      place(message).end.offset,
      message.actual,
      message.expected ?? null,
      message.fix ?? null,
      message.severity,
      message.reason
    ])
  }
}

/** Runs of `text` checked whole and in pieces of each size: all must be the same, for reports and fixes. */
function expectPiecesLikeWhole(text: string, options: Options, sizes: number[]): void {
  for (const fix of [false, true]) {
    const whole = seen(text, {...options, fix})
    if (fix) expect(whole.value, 'the text has fixes to compare').not.toBe(text)
    else expect(whole.messages.length, 'the text has findings to compare').toBeGreaterThan(3)
    for (const size of sizes) {
      // A threshold below the text's length: it is checked in pieces.
      const pieces = withChunkLimits({threshold: 50, size}, () => seen(text, {...options, fix}))
      expect(pieces, `pieces of ${size}, fix ${fix}`).toEqual(whole)
    }
  }
}

describe('a masked text read by slices', () => {
  const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r', '.', '\u00E9', '\u201C', '\uD83D\uDE00')
  const range = fc.tuple(fc.integer({min: -5, max: 80}), fc.integer({min: -5, max: 90}))

  it('gives exactly the slices of the masked copy, for ranges in any order, overlapping, touching or past the end', () => {
    fc.assert(
      fc.property(fc.string({unit, maxLength: 60}), fc.array(range, {maxLength: 8}), fc.nat(70), fc.nat(70), (text, ranges, a, b) => {
        const masked = maskRanges(text, ranges)
        const view = new MaskedText(text, ranges)
        expect(view.length).toBe(masked.length)
        expect(view.slice(0, view.length)).toBe(masked)
        const [start, end] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)]
        expect(view.slice(start, end)).toBe(masked.slice(start, end))
        expect(view.wide).toBe(isWide(masked))
      })
    )
  })

  it('keeps line breaks and counts a text that masks only line breaks as narrow', () => {
    const view = new MaskedText('see www.example.org\r\nnow', [[4, 19], [19, 21]])
    expect(view.slice(0, 24)).toBe(`see ${MASK.repeat(15)}\r\nnow`)
    expect(new MaskedText('one\n\ntwo', [[3, 5]]).wide).toBe(false)
    expect(new MaskedText('one\n\ntwo', [[2, 5]]).wide).toBe(true)
  })

  it('is cut into the same pieces as the masked copy', () => {
    const text = 'Talks in Doha.\n\nSee https://example.org/a very-long-path\n\nMore talks followed on Monday. Then more.\nAnd so on for a while\n\n'.repeat(6)
    const ranges: Array<[number, number]> = [...text.matchAll(/https:\S+/g)].map((match) => [match.index, match.index + match[0].length])
    for (const size of [20, 37, 64, 150]) {
      expect(chunkRanges(new MaskedText(text, ranges), size)).toEqual(chunkRanges(maskRanges(text, ranges), size))
    }
  })
})

describe('boilerplate found in a masked text read by slices', () => {
  const rules = loadRules()
  const nothingOff = () => false
  const body = 'The Omani cabinet approved a new fisheries law on Sunday, the state news agency said, after two years of debate among members of the Shura council.'

  it('gives the findings of the masked copy, with the same offsets and actual text', () => {
    const text = [
      'Home » Economy » Fisheries',
      'Oman passes a fisheries law',
      'Updated: Monday 3 February 2025, 08:15 AM',
      `${body} Details are at https://example.org/fish and from desk@example.org.`,
      'Read also: Oman raises fuel prices',
      body,
      'Share on Facebook Twitter WhatsApp',
      'Source: Reuters'
    ].join('\n\n')
    const ranges: Array<[number, number]> = [...text.matchAll(/https:\S+|\S+@\S+\.org/g)].map((match) => [match.index, match.index + match[0].length])
    const masked = maskRanges(text, ranges)
    const fromCopy = findArtifacts(rules, masked, nothingOff)
    expect(fromCopy.map((finding) => finding.ruleId).sort()).toEqual(['artifacts.breadcrumb', 'artifacts.read-also', 'artifacts.share-residue', 'artifacts.source-line', 'artifacts.timestamp'])
    expect(findArtifacts(rules, new MaskedText(text, ranges), nothingOff)).toEqual(fromCopy)
  })

  it('finds boilerplate lines in a text of several hundred thousand characters, and lines far longer than boilerplate', () => {
    // Lines longer than the blocks the lines are read in, and many short ones, so lines fall across blocks.
    const long = `${body} `.repeat(4000).trim()
    const paragraphs = ['Oman passes a fisheries law', long]
    for (let index = 0; index < 3000; index++) paragraphs.push(index % 500 === 250 ? `Read also: Oman opens port number ${index}` : body)
    paragraphs.push(long, 'Source: Reuters')
    const text = paragraphs.join('\n\n')
    expect(text.length).toBeGreaterThan(1_000_000)
    const findings = findArtifacts(rules, new MaskedText(text, []), nothingOff)
    const readAlso = [...text.matchAll(/Read also: Oman opens port number \d+/g)]
    expect(findings.map((finding) => [finding.ruleId, finding.actual])).toEqual([
      ...readAlso.map((match) => ['artifacts.read-also', `${body}\n\n${match[0]}`.slice(body.length)]),
      ['artifacts.source-line', '\n\nSource: Reuters']
    ])
    expect(findings[0]!.start).toBe(readAlso[0]!.index - 2)
    expect(findings.at(-1)!.end).toBe(text.length)
  })
})

describe('a long text checked in pieces masked one by one', () => {
  const body = (n: number) =>
    `The Jordanian health ministry said on Tuesday that ${n + 3} new clinics would open in Irbid and Zarqa, and that more doctors would be hired before the winter.`

  it('reports and fixes plain text as the whole run does: URLs and e-mail addresses near piece ends, boilerplate at both ends, a directive', () => {
    const text = [
      'Home » Health » Clinics',
      'Jordan opens new clinics',
      body(1),
      `Bookings open at https://health.example.jo/clinics/booking?region=north and enquiries go to clinics@health.example.jo today.`,
      'The talks took place through the video circle , officials said.',
      '<!-- postedit-disable-next-line calques -->',
      'The ministers met through the video circle on Monday.',
      `www.health.example.jo/news`,
      `${body(2)} Write to press@health.example.jo.`,
      'Read also: Jordan hires 500 nurses',
      `The the ministry said more clinics will follow. Details: http://example.org/a_b`,
      'Source: Petra'
    ].join('\n\n')
    expectPiecesLikeWhole(text, {}, [120, 180, 260, 400])
  })

  it('places messages as the whole run does in a text with a byte order mark, CRLF or lone CR line ends', () => {
    const text = [
      'Jordan opens new clinics',
      `${body(1)} See www.health.example.jo/a`,
      'The talks took place through the video circle , officials said.',
      `${body(2)} Write to press@health.example.jo`,
      'The the ministry said the talks took place through the video circle.',
      'Source: Petra'
    ].join('\n\n')
    for (const variant of [`\uFEFF${text}`, text.replace(/\n/g, '\r\n'), `\uFEFF${text.replace(/\n/g, '\r')}`]) {
      expectPiecesLikeWhole(variant, {}, [90, 200])
    }
  })

  it('reports and fixes Markdown as the whole run does: fenced code with blank lines cut between pieces, inline code, links', () => {
    const text = [
      '# Jordan opens new clinics',
      body(1),
      '```\nconfig: through the video circle\n\nrecieved: the the\n\nurl: https://example.org/x\n```',
      'The talks took place through the video circle , officials said, see [the plan](https://example.org/plan "Plan") and `the the` code.',
      '<!-- postedit-disable calques -->',
      'The ministers met through the video circle on Monday.',
      '<!-- postedit-enable calques -->',
      `${body(2)} Mail desk@example.org for the goverment figures.`,
      '    indented code through the video circle\n\n    more code the the',
      'The ministers met through the video circle again on Wednesday.',
      'Source: Petra'
    ].join('\n\n')
    expectPiecesLikeWhole(text, {format: 'markdown'}, [90, 150, 230, 400])
  })

  it('reports and fixes HTML as the whole run does: tags, scripts and preformatted text with blank lines across pieces', () => {
    const text = [
      '<!doctype html>\n<html><head><title>Clinics</title>\n\n<style>\np { color: red }\n\n</style></head><body>',
      '<p>Jordan opens new clinics</p>',
      `<p>${body(1)}</p>`,
      '<pre>through the video circle\n\nthe the\n\nrecieved</pre>',
      '<p>The talks took place <b>through the video circle</b> , officials said &amp; more, at <a href="https://example.org/x">https://example.org/x</a>.</p>',
      '<script>\nvar a = "through the video circle";\n\nvar b = "the the";\n</script>',
      `<p>${body(2)} Mail desk@example.org about the goverment figures.</p>`,
      '<p>Source: Petra</p>\n</body></html>'
    ].join('\n\n')
    expectPiecesLikeWhole(text, {format: 'html'}, [80, 140, 220, 400])
    // A byte order mark before the doctype is masked with it.
    expectPiecesLikeWhole(`\uFEFF${text}`, {format: 'html'}, [80, 220])
  })
})
