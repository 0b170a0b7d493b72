import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {posteditSync} from '../src/postedit.js'
import {offsetsOf, type PosteditMessage} from '../src/engine/report.js'

const article = readFileSync(join(import.meta.dirname, '..', 'seeds', '000_d42d0455121f1d6a.txt'), 'utf8')

/** What a user sees of a message, its offsets moved back by `shift` past `from`. */
const seen = (messages: PosteditMessage[], from = Infinity, shift = 0) =>
  messages.map((message) => {
    const [start, end] = offsetsOf(message)
    const by = start >= from ? shift : 0
    return [message.ruleId, start - by, end - by, message.actual, message.expected, message.fix && {...message.fix, start: message.fix.start - by, end: message.fix.end - by}]
  })

describe('an article re-checked in the same process', () => {
  it('gives the same messages and fixes the second time', () => {
    const first = posteditSync(article, {fix: true})
    const again = posteditSync(article, {fix: true})
    expect(again.value).toBe(first.value)
    expect(seen(again.messages)).toEqual(seen(first.messages))
    expect(seen(posteditSync(article).messages)).toEqual(seen(posteditSync(article).messages))
  })

  it('finds every message again, moved, after a paragraph is inserted above it', () => {
    const before = posteditSync(article).messages
    expect(before.length).toBeGreaterThan(5)
    // Between two paragraphs in the middle, so the head and tail lines stay where they are.
    const middle = article.indexOf('\n\n', Math.floor(article.length / 2)) + 2
    const inserted = 'Markets were calm on Tuesday.\n\n'
    const after = posteditSync(article.slice(0, middle) + inserted + article.slice(middle)).messages
    expect(seen(after, middle, inserted.length)).toEqual(seen(before))
  })
})
