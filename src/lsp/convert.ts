import {diffWordsWithSpace} from 'diff'
import {CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, type Range, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {JsonMessage} from '../lint/check-file.js'
import type {Severity} from '../engine/types.js'

/** The code action kind of "fix all safe problems", for `editor.codeActionsOnSave` and the like. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postedit`

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

/** The LSP range between two offsets of `document` (UTF-16 code units, as postedit's offsets are). */
export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return {start: document.positionAt(start), end: document.positionAt(end)}
}

/** A postedit message as an LSP diagnostic: exact range, mapped severity, `code` = rule id. */
export function toDiagnostic(document: TextDocument, message: JsonMessage): Diagnostic {
  const diagnostic = Diagnostic.create(
    rangeOf(document, message.place.start.offset, message.place.end.offset),
    message.reason,
    SEVERITIES[message.severity],
    message.ruleId,
    message.source
  )
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

/** Whether two ranges touch (an empty request range at a problem's edge counts). */
function touches(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character)
  return !before(a.end, b.start) && !before(b.end, a.start)
}

const quoted = (text: string) => (text === '' ? 'nothing' : `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`)

/**
 * Quick fixes for the problems within `range`: the certain fix of each
 * (preferred), then each suggestion that is not that fix.
 */
export function quickFixes(document: TextDocument, messages: readonly JsonMessage[], range: Range): CodeAction[] {
  const actions: CodeAction[] = []
  for (const message of messages) {
    const diagnostic = toDiagnostic(document, message)
    if (!touches(diagnostic.range, range)) continue
    const edit = (start: number, end: number, text: string): {changes: Record<string, TextEdit[]>} => ({
      changes: {[document.uri]: [{range: rangeOf(document, start, end), newText: text}]}
    })
    const {fix} = message
    if (fix) {
      const action = CodeAction.create(`Fix: ${quoted(document.getText().slice(fix.start, fix.end))} → ${quoted(fix.text)} (${message.ruleId})`, edit(fix.start, fix.end, fix.text), CodeActionKind.QuickFix)
      action.diagnostics = [diagnostic]
      action.isPreferred = true
      actions.push(action)
    }
    const start = message.place.start.offset
    const end = message.place.end.offset
    for (const expected of new Set(message.expected ?? [])) {
      if (fix && fix.start === start && fix.end === end && fix.text === expected) continue
      const action = CodeAction.create(`Replace with ${quoted(expected)} (${message.ruleId})`, edit(start, end, expected), CodeActionKind.QuickFix)
      action.diagnostics = [diagnostic]
      actions.push(action)
    }
  }
  return actions
}

/** Above this many characters the whole changed span is one edit, not a word diff. */
const DIFF_LIMIT = 200_000

/**
 * The edits that turn `document`'s text into `fixed`: one per changed phrase
 * (changed words with only spaces between them), so the rest of the document
 * (and the editor's marks in it) stays as it is.
 */
export function editsTo(document: TextDocument, fixed: string): TextEdit[] {
  const text = document.getText()
  if (text === fixed) return []
  if (text.length > DIFF_LIMIT) {
    let start = 0
    while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++
    let tail = 0
    while (tail < text.length - start && tail < fixed.length - start && text[text.length - 1 - tail] === fixed[fixed.length - 1 - tail]) tail++
    return [{range: rangeOf(document, start, text.length - tail), newText: fixed.slice(start, fixed.length - tail)}]
  }
  const edits: TextEdit[] = []
  let offset = 0
  let pending: {start: number; end: number; text: string} | undefined
  // Spaces kept between two changes join them: one edit per changed phrase, not per word.
  let gap = ''
  const flush = () => {
    if (pending) edits.push({range: rangeOf(document, pending.start, pending.end), newText: pending.text})
    pending = undefined
    gap = ''
  }
  for (const change of diffWordsWithSpace(text, fixed)) {
    if (!change.added && !change.removed) {
      if (pending && gap === '' && /^[ \t]+$/.test(change.value)) gap = change.value
      else flush()
      offset += change.value.length
      continue
    }
    if (pending && gap !== '') {
      pending.end = offset
      pending.text += gap
      gap = ''
    }
    pending ??= {start: offset, end: offset, text: ''}
    if (change.removed) {
      offset += change.value.length
      pending.end = offset
    } else pending.text += change.value
  }
  flush()
  return edits
}

/** "Fix all safe problems": every certain fix, as `postedit --fix` applies them. */
export function fixAllAction(document: TextDocument, fixed: string): CodeAction | undefined {
  const edits = editsTo(document, fixed)
  if (edits.length === 0) return undefined
  return CodeAction.create('Fix all safe postedit problems', {changes: {[document.uri]: edits}}, FIX_ALL_KIND)
}

/** Whether an action of `kind` is among those asked for (`only` lists kinds and their parents). */
export function isWanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`))
}
