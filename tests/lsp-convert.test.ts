import {describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {JsonMessage} from '../src/lint/check-file.js'
import {editsTo, isWanted, quickFixes, toDiagnostic} from '../src/lsp/convert.js'

const document = (text: string) => TextDocument.create('file:///news/brief.txt', 'plaintext', 1, text)

/** A message as the engine gives it, at `start`–`end` of `text`. */
function message(text: string, start: number, end: number, extra: Partial<JsonMessage> = {}): JsonMessage {
  return {
    reason: 'Unexpected words',
    ruleId: 'calques.example',
    source: 'postedit',
    line: 1,
    column: start + 1,
    place: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}},
    fatal: false,
    severity: 'warning',
    actual: text.slice(start, end),
    ...extra
  }
}

describe('language server conversions', () => {
  it('turns a fixed text into one edit per changed run, leaving the rest alone', () => {
    const text = 'Talks took place through the video circle.\nThe minister 🌍 said the Corona crisis is over.\n'
    const fixed = 'Talks took place via videoconference.\nThe minister 🌍 said the coronavirus crisis is over.\n'
    const edits = editsTo(document(text), fixed)
    expect(edits).toHaveLength(2)
    expect(edits[1]!.range.start.line).toBe(1)
    expect(TextDocument.applyEdits(document(text), edits)).toBe(fixed)
    expect(editsTo(document(text), text)).toEqual([])
  })

  it('maps severities and keeps the rule id and its documentation link', () => {
    const text = 'The envoy arrived through the video circle.'
    const diagnostic = toDiagnostic(document(text), message(text, 18, 42, {severity: 'info', url: 'https://example.org/rules#video-circle'}))
    expect(diagnostic).toMatchObject({severity: 3, code: 'calques.example', source: 'postedit', codeDescription: {href: 'https://example.org/rules#video-circle'}})
    expect(document(text).getText(diagnostic.range)).toBe('through the video circle')
  })

  it('offers the fix once (preferred) and each other suggestion, only for problems in the range asked about', () => {
    const text = 'The envoy arrived through the video circle.'
    const messages = [message(text, 18, 42, {expected: ['via videoconference', 'by video link'], fix: {start: 18, end: 42, text: 'via videoconference'}})]
    const at = (character: number) => ({start: {line: 0, character}, end: {line: 0, character}})
    const actions = quickFixes(document(text), messages, at(25))
    expect(actions.map((action) => [action.title, action.isPreferred ?? false])).toEqual([
      ['Fix: “through the video circle” → “via videoconference” (calques.example)', true],
      ['Replace with “by video link” (calques.example)', false]
    ])
    expect(quickFixes(document(text), messages, at(5))).toEqual([])
  })

  it('answers only the kinds of action asked for', () => {
    expect(isWanted('source.fixAll.postedit', ['source.fixAll'])).toBe(true)
    expect(isWanted('source.fixAll.postedit', ['source'])).toBe(true)
    expect(isWanted('quickfix', ['source.fixAll'])).toBe(false)
    expect(isWanted('source.fixAll.postedit', ['source.fix'])).toBe(false)
    expect(isWanted('quickfix', undefined)).toBe(true)
  })
})
