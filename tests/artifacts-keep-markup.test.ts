import {describe, expect, it} from 'vitest'
import {postedit, type Options} from '../src/postedit.js'

// A boilerplate line is deleted with the line breaks before it, from the end
// of what precedes it. What the rules never see (a URL, an e-mail address,
// code, a tag) is never deleted with it.
const disable = ['spelling', 'typography', 'names', 'needs-human', 'entities', 'calques', 'terms', 'orgs', 'titles']
const fixed = async (text: string, format: Options['format'] = 'text') => (await postedit(text, {fix: true, disable, format})).value

describe('boilerplate removed next to what is not prose', () => {
  it('keeps a URL or an e-mail address ending the line before a trailer or a teaser', async () => {
    expect(await fixed('Qatar opens a metro line\n\nTimetables are posted at https://rail.example.qa/times\n\nSource: QNA\n')).toBe(
      'Qatar opens a metro line\n\nTimetables are posted at https://rail.example.qa/times\n'
    )
    expect(await fixed('Qatar opens a metro line\n\nQuestions go to info@rail.example.qa\n\nRead also: Doha buses go electric\n\nThe line has twelve stations.\n')).toBe(
      'Qatar opens a metro line\n\nQuestions go to info@rail.example.qa\n\nThe line has twelve stations.\n'
    )
  })

  it('keeps inline code ending the line before a trailer in Markdown', async () => {
    expect(await fixed('# Qatar opens a metro line\n\nThe new fare code is `QR-12`\n\nSource: QNA\n', 'markdown')).toBe('# Qatar opens a metro line\n\nThe new fare code is `QR-12`\n')
  })

  it('keeps the closing tag of the paragraph before a bare trailer in HTML', async () => {
    expect(await fixed('<p>Qatar opens a metro line</p>\n<p>The line has twelve stations, the operator said.</p>\nSource: QNA\n', 'html')).toBe(
      '<p>Qatar opens a metro line</p>\n<p>The line has twelve stations, the operator said.</p>\n'
    )
  })

  it('keeps a comment line under boilerplate at the top in Markdown', async () => {
    expect(await fixed('Home » Transport » Rail\n\n<!-- imported -->\n\nQatar opens a metro line\n\nThe line has twelve stations, the operator said on Sunday.\n', 'markdown')).toBe(
      '<!-- imported -->\n\nQatar opens a metro line\n\nThe line has twelve stations, the operator said on Sunday.\n'
    )
  })
})
