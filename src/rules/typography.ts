import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import type {Finding} from '../engine/types.js'
import {isOffFor, type RuleOptions} from './options.js'
import {checkArabicDigits} from './typography/arabic-digits.js'
import {checkArabicPunctuation} from './typography/arabic-punctuation.js'
import {typographyContext, type TypographyContext} from './typography/context.js'
import {checkDoubleSpace} from './typography/double-space.js'
import {checkDoubledFullStop} from './typography/doubled-full-stop.js'
import {checkDoubledWords} from './typography/doubled-word.js'
import {checkForeignScript} from './typography/foreign-script.js'
import {checkInvisible} from './typography/invisible.js'
import {checkNbsp} from './typography/nbsp.js'
import {checkNormalization} from './typography/normalization.js'
import {checkQuotes} from './typography/quotes.js'
import {checkSpaceBeforePunctuation} from './typography/space-before-punctuation.js'

type Check = (context: TypographyContext, tree: Root) => Finding[]

/** Every typography check under its rule id, in reporting order. */
const CHECKS: ReadonlyArray<readonly [string, Check]> = [
  ['typography.foreign-script', checkForeignScript],
  ['typography.arabic-digits', checkArabicDigits],
  ['typography.arabic-punctuation', checkArabicPunctuation],
  ['typography.invisible-characters', checkInvisible],
  ['typography.nbsp', checkNbsp],
  ['typography.doubled-word', (context, tree) => checkDoubledWords(context.source, textIndex(tree, context.source).words)],
  ['typography.space-before-punctuation', checkSpaceBeforePunctuation],
  ['typography.double-space', checkDoubleSpace],
  ['typography.doubled-full-stop', checkDoubledFullStop],
  ['typography.quotes', checkQuotes],
  ['typography.unicode-normalization', checkNormalization]
]

/**
 * Report the mechanical artifacts of machine translation and web copying:
 * Arabic digits and punctuation, invisible bidi and zero-width characters,
 * stray no-break spaces, untranslated runs of Arabic (or other) script,
 * doubled words and full stops, misplaced spaces, mismatched or unclosed
 * quotation marks, spaced apostrophes and decomposed Unicode. Fixes are
 * exact and minimal; untranslated text is reported, never fixed.
 *
 * Rule ids: `typography.arabic-digits`, `typography.arabic-punctuation`,
 * `typography.invisible-characters`, `typography.nbsp`,
 * `typography.foreign-script`, `typography.doubled-word`,
 * `typography.space-before-punctuation`, `typography.double-space`,
 * `typography.doubled-full-stop`, `typography.quotes`,
 * `typography.unicode-normalization`; `disable: ['typography']` turns them
 * all off.
 *
 * A text mostly in another script (not an English article) gets a single
 * `info` message and no other typography message.
 */
export default function retextPosteditTypography(options?: RuleOptions) {
  const isOff = isOffFor(options?.disable)
  const checks = CHECKS.filter(([id]) => !isOff(id))
  return (tree: Root, file: VFile): void => {
    if (checks.length === 0) return
    const context = typographyContext(String(file.value))
    if (context.mostlyForeign) {
      if (!isOff('typography.foreign-script')) for (const finding of checkForeignScript(context)) report(file, finding)
      return
    }
    for (const [, check] of checks) for (const finding of check(context, tree)) report(file, finding)
  }
}
