import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {postedit} from '../src/index.js'
import {run, scratch} from './support/cli.js'

// Our own sentences: the calque is flagged in prose and nowhere else.
const page = `<!doctype html>
<html lang="en"><head><title>Ministers met through the video circle</title>
<style>.through-the-video-circle::after { content: "through the video circle" }</style>
<script>const caption = "through the video circle";</script></head>
<body>
<p class="through the video circle" data-note="through the video circle">The cabinet met through the video circle on Sunday.</p>
<p>Aid workers spoke&nbsp;to reporters through the video circle, Smith&#8217;s office &amp; the ministry said.</p>
<p><code>through the video circle</code> <a href="https://example.org/through-the-video-circle" title="through the video circle">read more</a></p>
<pre>through the video circle</pre>
<!-- through the video circle -->
</body></html>
`

const fixedPage = page
  .replace('<title>Ministers met through the video circle</title>', '<title>Ministers met via videoconference</title>')
  .replace('met through the video circle on Sunday', 'met via videoconference on Sunday')
  .replace('reporters through the video circle,', 'reporters via videoconference,')

const options = {packs: ['default'], disable: ['spelling']}

/** A message's place as a span (postedit always reports spans). */
const span = (message: {place?: unknown}) => message.place as {start: {line: number; offset: number}; end: {offset: number}}

describe('HTML articles', () => {
  it('flags only the prose of the page, by the offsets of the file', async () => {
    const result = await postedit(new VFile({path: 'story.html', value: page}), options)
    const calques = result.messages.filter((message) => message.ruleId === 'calques.video-circle')
    expect(calques.map((message) => page.slice(span(message).start.offset, span(message).end.offset))).toEqual([
      'through the video circle',
      'through the video circle',
      'through the video circle'
    ])
    expect(calques.map((message) => span(message).start.line)).toEqual([2, 6, 7])
  })

  it('fixes the prose and leaves tags, attributes, scripts, styles, code, comments and entities byte for byte', async () => {
    const result = await postedit(new VFile({path: 'story.htm', value: page}), {...options, fix: true})
    expect(result.value).toBe(fixedPage)
  })

  it('reads a string as HTML with format: html, and as text without', async () => {
    const snippet = '<p data-x="through the video circle">Hello.</p>'
    expect((await postedit(snippet, {...options, format: 'html'})).messages).toEqual([])
    expect((await postedit(snippet, options)).messages.map((message) => message.ruleId)).toContain('calques.video-circle')
  })

  it('never lets a fix split a character reference', async () => {
    // The entity stands between the words of the calque, so the phrase is not matched and nothing changes.
    const snippet = '<p>They met through the video&nbsp;circle and through&#32;the video circle.</p>\n'
    const result = await postedit(snippet, {...options, format: 'html', fix: true})
    expect(result.value).toBe(snippet)
  })


  it('removes boilerplate paragraphs whole, tags and line included, and finds the credit before the end tags', async () => {
    const story = [
      '<html><body>',
      '<p class="dateline">Amman - Petra</p>',
      '<h1>Water talks resume</h1>',
      '<p>Engineers from both countries met on Sunday to discuss the canal, the ministry said.</p>',
      '<p>Source: Reuters</p>',
      '</body></html>',
      ''
    ].join('\n')
    const result = await postedit(new VFile({path: 'story.html', value: story}), {...options, fix: true})
    expect(result.value).toBe(
      ['<html><body>', '<h1>Water talks resume</h1>', '<p>Engineers from both countries met on Sunday to discuss the canal, the ministry said.</p>', '</body></html>', ''].join('\n')
    )
  })

  it('takes only the tags of the elements the boilerplate fills, nested ones included', async () => {
    const top = '<div><p>Talks resume</p>\n<p>Engineers met on Sunday to discuss the canal, the ministry said.</p>\n'
    for (const [credit, left] of [
      ['<b>Source: Reuters</b></div>\n', '</div>\n'],
      ['<p><b>Source: Reuters</b></p></div>\n', '</div>\n'],
      ['<p><b>Source: Reuters</b></div>\n', '<p></div>\n']
    ]) {
      const result = await postedit(new VFile({path: 'story.html', value: top + credit}), {...options, fix: true})
      expect(result.value).toBe(top + left)
    }
  })

  it('is read by extension on the command line, and folders include .html and .htm', () => {
    const directory = scratch()
    writeFileSync(join(directory, 'a.html'), page)
    writeFileSync(join(directory, 'b.htm'), '<p>Officials met through the video circle.</p>\n')
    writeFileSync(join(directory, 'c.txt'), 'Nothing to see here.\n')
    const {stdout} = run(['--format', 'json', '--disable', 'spelling', '.'], {cwd: directory})
    const files = JSON.parse(stdout) as Array<{filePath?: string; path?: string; messages: Array<{ruleId: string}>}>
    expect(files.map((file) => [file.path ?? file.filePath, file.messages.filter((message) => message.ruleId === 'calques.video-circle').length])).toEqual([
      ['a.html', 3],
      ['b.htm', 1],
      ['c.txt', 0]
    ])
    const fixed = run(['--fix', '--stdout', '--disable', 'spelling', 'a.html'], {cwd: directory})
    expect(fixed.stdout).toBe(fixedPage)
  })

  it('reads standard input as HTML with --html', () => {
    expect(run(['--fix', '--html', '--disable', 'spelling', '-'], {input: page}).stdout).toBe(fixedPage)
    expect(run(['--html', 'a.html']).stderr).toMatch(/--html is for standard input/)
    expect(run(['--html', '--markdown', '-'], {input: page}).code).toBe(2)
  })
})
