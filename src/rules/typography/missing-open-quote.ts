import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'
import {CLOSE, closesHere, MARKS, OPEN, opensHere, paragraphsOf, STRAIGHT} from './quotes.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.missing-open-quote',
  description: 'A closing quotation mark whose quotation was never opened (`… were constructive,” adding that …`); reported with where the opening mark likely belongs, never fixed.',
  fixable: false,
  severity: 'warning'
})

/**
 * Marks that open a quotation this check does not follow (single quotes,
 * guillemets, German low quotes): with one of them before a closing `”` in
 * the paragraph, the `”` may close it, so the check stays quiet.
 */
const OTHER_OPENERS = /[\u2018\u201A\u201E\u00AB\u2039]|(?:^|[\s(\[])'(?=\p{L})/u
/**
 * Where a quotation evidently opens: right after a verb of saying with a
 * comma or colon (`said,` `added:`), or after `saying`. `said the talks`
 * is left alone: indirect speech may run on into the quotation anywhere.
 */
const SPEECH = /\b(?:said|says|saying|added|adds|stated|declared|stressed|insisted|noted|explained|warned|wrote|told (?:\p{Lu}\p{L}*|reporters|journalists|the \p{L}+))(?:[,:]|(?<=saying))[ \u00A0]+/gu
/**
 * Words that introduce what someone said: with one of them earlier in the
 * sentence, the quotation evidently opens inside it. Without one (a
 * paragraph that starts with the quoted words: `The talks will go on,” he
 * said.`), the quotation may run on from an earlier paragraph whose
 * opening mark a copy lost, so the mark is not reported.
 */
const REPORTED = /\b(?:said|says|say|saying|told|tells|telling|added|adding|stressed|stressing|noted|noting|stated|stating|declared|declaring|confirmed|confirming|affirmed|affirming|explained|explaining|warned|warning|announced|announcing|insisted|insisting|asserted|asserting|pointed out|pointing out|called (?:it|them|him|her|this|that)|calling (?:it|them|him|her|this|that)|described (?:it|them|him|her|this|that) as|describing (?:it|them|him|her|this|that) as|wrote|writes|tweeted|according to)\b/giu
/** `I have said`, `as we noted`: first-person speech is the quoted speaker's own words. */
const FIRST_PERSON = /\b(?:i|we|you|i've|we've|you've|i'd|we'd|i'm|i’ve|we’ve|you’ve|i’d|we’d|i’m)(?:\s+(?:have|had|would|will|also|already|just|always|never))?\s+$/iu
/** The end of a sentence, before the next one starts. */
const SENTENCE_END = /[.!?\u2026][\s\u00A0]+(?=[\p{Lu}\p{N}"\u201C])/gu

/**
 * `typography.missing-open-quote`: a closing quotation mark (a `”`, or a
 * straight `"` that can only close: after a word, before a space,
 * punctuation or the end) with no opening mark before it in its paragraph,
 * as machine translation leaves when it drops the opening mark
 * (`The minister said the talks were constructive,” adding …`).
 *
 * Reported at the closing mark, never fixed: where the quotation starts is
 * the editor's call. When a verb of saying with a comma or colon (`said,`,
 * `added:`) or `saying` comes earlier in the same sentence, the message
 * names it as the likely place.
 *
 * Reported only when the sentence up to the mark has a third person's word
 * of saying (`said`, `told`, `called it`, `according to`): then the
 * quotation evidently opens inside that sentence. Quiet on: a sentence that
 * is all quoted words (it may run on from an earlier paragraph whose
 * opening mark a copy lost), a quotation left open in an earlier paragraph
 * (one over several paragraphs, one opened in a headline), inch and second
 * marks after a digit (`5'10"`, `12"`), a plural's apostrophe typed as a
 * mark (`the players" union`), a paragraph with a single quote, a guillemet
 * or a low quote that the mark may close, and text in another script.
 */
export function checkMissingOpenQuote(context: TypographyContext): Finding[] {
  const findings: Finding[] = []
  const {source} = context
  if (!source.includes(CLOSE) && !source.includes(STRAIGHT)) return findings
  // Quotations left open by earlier paragraphs, which a closing mark may end.
  let carried = 0
  for (const [start, end] of paragraphsOf(source)) {
    let open = 0
    let first = true
    for (const match of source.slice(start, end).matchAll(MARKS)) {
      const at = start + match.index
      const mark = match[0]
      const closes = closesHere(source, at, start, end)
      const opens = opensHere(source, at, start, end)
      const opening = mark === OPEN ? !(closes && !opens && open > 0) : opens && !closes
      if (opening) {
        // A paragraph opening with a quotation mark goes on with the quotation an earlier one left open.
        if (first && at === start && carried > 0) carried--
        open++
      } else if (mark === STRAIGHT && !closes) {
        // `word"word`, ` " `: neither side says which it is.
      } else if (open > 0) {
        open--
      } else if (carried > 0) {
        carried--
      } else if (closes && !opens && !isMeasure(source, at, mark) && !isApostrophe(source, at) && !context.inForeign(at) && !OTHER_OPENERS.test(source.slice(start, at))) {
        const sentence = sentenceStart(source, start, at)
        if (introducesSpeech(source.slice(sentence, at))) findings.push(finding(source, sentence, at, mark))
      }
      first = false
    }
    carried += open
  }
  return findings
}

/** `5'10"`, `12"`: a straight mark after a digit is an inch or second mark. */
function isMeasure(source: string, at: number, mark: string): boolean {
  return mark === STRAIGHT && /[\p{N}'\u2032]/u.test(source[at - 1] ?? '')
}

/** `the ministers” meeting`, `Lakers" schedule`: a plural's apostrophe typed as a quotation mark. */
function isApostrophe(source: string, at: number): boolean {
  return source[at - 1] === 's' && /[ \u00A0]/.test(source[at + 1] ?? '')
}

/** Where the sentence holding `at` starts, within its paragraph. */
function sentenceStart(source: string, paragraph: number, at: number): number {
  let sentence = paragraph
  for (const end of source.slice(paragraph, at).matchAll(SENTENCE_END)) sentence = paragraph + end.index + end[0].length
  return sentence
}

/** Whether `text` (a sentence up to the closing mark) has a third person's word of saying. */
function introducesSpeech(text: string): boolean {
  for (const match of text.matchAll(REPORTED)) if (!FIRST_PERSON.test(text.slice(Math.max(0, match.index - 30), match.index))) return true
  return false
}

function finding(source: string, sentence: number, at: number, mark: string): Finding {
  const opener = mark === STRAIGHT ? STRAIGHT : OPEN
  const place = likelyOpening(source, sentence, at)
  const where = place ? `after \`${place.after}\`` : 'where the quoted words start'
  return {
    ruleId: meta.id,
    reason: `Unexpected closing \`${mark}\` with no opening quotation mark before it in its paragraph, expected \`${opener}\` ${where}`,
    start: at,
    end: at + 1,
    actual: mark,
    note: place
      ? `The quotation most likely opens right after \`${place.after}\`, before \`${place.before}\`; add \`${opener}\` there (or remove this mark if nothing is quoted).`
      : `Machine translation often drops the opening mark: add \`${opener}\` where the quoted words start, or remove this mark if nothing is quoted.`
  }
}

/** The verb of saying the quotation evidently follows in the same sentence, if there is one. */
function likelyOpening(source: string, sentence: number, at: number): {after: string; before: string} | undefined {
  let found: RegExpExecArray | undefined
  SPEECH.lastIndex = 0
  const within = source.slice(sentence, at)
  for (let match = SPEECH.exec(within); match; match = SPEECH.exec(within)) found = match
  if (!found) return undefined
  const after = found[0].trimEnd()
  const rest = within.slice(found.index + found[0].length)
  // Too little left to be a quotation (`said, ”`).
  const before = /^[\p{L}\p{N}][^\s]*(?:\s+[^\s]+)?/u.exec(rest)?.[0]
  return before ? {after, before} : undefined
}
