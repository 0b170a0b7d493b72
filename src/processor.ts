import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import type {Root} from 'nlcst'
import retextPosteditArtifacts from './rules/artifacts.js'
import type {RuleOptions} from './rules/options.js'
import {rulesOf} from './rules/options.js'
import retextPosteditPhrases from './rules/phrases.js'
// Rule plugins are imported here, one line each.
import retextPosteditNames from './rules/names.js'
import retextPosteditNeedsHuman from './rules/needs-human.js'
import type {NameStyle} from './names/style.js'
import retextPosteditEntities from './rules/entities.js'
import retextPosteditSpelling from './rules/spelling.js'
import retextPosteditTypography from './rules/typography.js'
import type {DictionaryOption} from './spelling/word-forms.js'

/** Options of {@link createProcessor} and {@link postedit}. */
export interface ProcessorOptions extends RuleOptions {
  /** Extra words the spelling rule accepts (names, house terms). */
  words?: string[]
  /**
   * Gazetteer files or folders of people, places and groups (`'default'` for
   * the shipped ones, the default). A file with `override: true` holds house
   * spellings that replace the shipped ones.
   */
  names?: string[]
  /**
   * House style for names: with `ap` or `reuters`, an accepted spelling that
   * is not the house one gets a `style.name` suggestion (default: none, every
   * accepted spelling is silent).
   */
  style?: NameStyle
  /**
   * Spelling dictionary: `'en'` (default: American, British forms accepted
   * too), `'en-US'` or `'en-GB'` (that variety only), or a Hunspell
   * dictionary (`{aff, dic}`, as `dictionary-en-gb` exports it).
   */
  dictionary?: DictionaryOption
  /**
   * Spelling rule options: `max`, the most distinct unknown words per file
   * that get suggestions (default 400); `allUnknown`, report every unknown
   * word and name, not only those close to a known one (default `false`).
   */
  spelling?: {max?: number; allUnknown?: boolean}
}

/** postedit's processor: parses English, runs every rule, gives the text back unchanged. */
export type PosteditProcessor = Processor<Root, Root, Root, Root, string>

/** Compiler that returns the text as it came in: rules only report. */
function passThrough(this: Processor) {
  this.compiler = (_tree: unknown, file: {value: unknown}) => String(file.value)
}

/**
 * Create the unified processor postedit runs: `retext-english` and every
 * postedit rule plugin. Rule packs are loaded once and shared.
 *
 * ```js
 * const processor = createProcessor()
 * const file = await processor.process('The meeting was held through the video circle.')
 * console.log(file.messages.map(String))
 * ```
 */
export function createProcessor(options: ProcessorOptions = {}): PosteditProcessor {
  const rules = rulesOf(options)
  const shared: RuleOptions = {rules, disable: options.disable}
  return unified()
    .use(retextEnglish)
    .use(retextPosteditArtifacts, shared)
    .use(retextPosteditPhrases, shared)
    // Rule plugins are registered here, one line each.
    .use(retextPosteditNames, {...shared, names: options.names, style: options.style})
    .use(retextPosteditEntities, {...shared, names: options.names})
    .use(retextPosteditSpelling, {...shared, ...options.spelling, words: options.words, names: options.names, dictionary: options.dictionary})
    .use(retextPosteditTypography, shared)
    .use(retextPosteditNeedsHuman, shared)
    .use(passThrough) as unknown as PosteditProcessor
}
