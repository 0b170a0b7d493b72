import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import type {Finding} from '../engine/types.js'
import {ARABIC_SCRIPT} from './arabic-left-in.js'
import type {RuleMeta} from './meta.js'
import {isOffFor, type RuleOptions} from './options.js'
import {checkArabicDigits, meta as arabicDigits} from './typography/arabic-digits.js'
import {checkArabicPunctuation, meta as arabicPunctuation} from './typography/arabic-punctuation.js'
import {typographyContext, type TypographyContext} from './typography/context.js'
import {checkDoubleSpace, meta as doubleSpace} from './typography/double-space.js'
import {checkDoubledFullStop, meta as doubledFullStop} from './typography/doubled-full-stop.js'
import {checkDoubledWords, meta as doubledWord} from './typography/doubled-word.js'
import {checkForeignScript, meta as foreignScript} from './typography/foreign-script.js'
import {checkInvisible, meta as invisible} from './typography/invisible.js'
import {checkNbsp, meta as nbsp} from './typography/nbsp.js'
import {checkNormalization, meta as normalization} from './typography/normalization.js'
import {checkMissingOpenQuote, meta as missingOpenQuote} from './typography/missing-open-quote.js'
import {checkQuotes, meta as quotes} from './typography/quotes.js'
import {checkCurrencySpace, checkGuillemets, checkSpaceAfterQuote, currencySpaceMeta, guillemetsMeta, spaceAfterQuoteMeta} from './typography/quote-marks.js'
import {checkSpaceBeforePunctuation, meta as spaceBeforePunctuation} from './typography/space-before-punctuation.js'

type Check = (context: TypographyContext, tree: Root) => Finding[]

/** Every typography check under its rule id, in reporting order. */
const CHECKS: ReadonlyArray<readonly [RuleMeta, Check]> = [
  [foreignScript, checkForeignScript],
  [arabicDigits, checkArabicDigits],
  [arabicPunctuation, checkArabicPunctuation],
  [invisible, checkInvisible],
  [nbsp, checkNbsp],
  [doubledWord, (context, tree) => checkDoubledWords(context.source, textIndex(tree, context.source).words)],
  [spaceBeforePunctuation, checkSpaceBeforePunctuation],
  [doubleSpace, checkDoubleSpace],
  [doubledFullStop, checkDoubledFullStop],
  [guillemetsMeta, checkGuillemets],
  [quotes, checkQuotes],
  [missingOpenQuote, checkMissingOpenQuote],
  [spaceAfterQuoteMeta, checkSpaceAfterQuote],
  [currencySpaceMeta, checkCurrencySpace],
  [normalization, checkNormalization]
]

/** The typography rules, in reporting order. */
export const TYPOGRAPHY_RULES: readonly RuleMeta[] = CHECKS.map(([meta]) => meta)

/**
 * Report the mechanical artifacts of machine translation and web copying:
 * Arabic digits and punctuation, invisible bidi and zero-width characters,
 * stray no-break spaces, untranslated runs of Arabic (or other) script,
 * doubled words and full stops, misplaced spaces, mismatched or unclosed
 * quotation marks, spaced apostrophes and decomposed Unicode. Fixes are
 * exact and minimal; untranslated text is reported, never fixed.
 *
 * Rule ids: {@link TYPOGRAPHY_RULES}; `disable: ['typography']` turns them
 * all off.
 *
 * A text mostly in another script (not an English article) gets a single
 * `info` message and no other typography message.
 */
export default function retextPosteditTypography(options?: RuleOptions) {
  const isOff = isOffFor(options?.disable)
  const checks = CHECKS.filter(([meta]) => !isOff(meta.id))
  return (tree: Root, file: VFile): void => {
    if (checks.length === 0) return
    const context = typographyContext(String(file.value))
    if (context.mostlyForeign) {
      if (!isOff(foreignScript.id)) for (const finding of checkForeignScript(context)) report(file, finding)
      return
    }
    // A name in Arabic script the gazetteer rule already replaced is not reported again as untranslated.
    const named = file.messages.filter((message) => message.ruleId === ARABIC_SCRIPT).map((message) => message.place && 'start' in message.place ? message.place.start.offset : undefined)
    for (const [meta, check] of checks) {
      for (const finding of check(context, tree)) if (meta !== foreignScript || !named.includes(finding.start)) report(file, finding)
    }
  }
}
