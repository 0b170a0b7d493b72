import retextPosteditEnglish from './parse/english.js'
import {unified, type Processor} from 'unified'
import type {Root} from 'nlcst'
import type {NameStyle} from './names/style.js'
import {rulesOf, type RuleOptions} from './rules/options.js'
import {RULE_FAMILIES} from './rules/registry.js'
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
 * Create the unified processor postedit runs: its English parser (the tree of
 * `retext-english`, built faster) and every postedit rule plugin. Rule packs
 * are loaded once and shared.
 *
 * ```js
 * const processor = createProcessor()
 * const file = await processor.process('The meeting was held through the video circle.')
 * console.log(file.messages.map(String))
 * ```
 */
export function createProcessor(options: ProcessorOptions = {}): PosteditProcessor {
  const shared: RuleOptions = {rules: rulesOf(options), disable: options.disable}
  const pluginOptions = {...shared, ...options.spelling, names: options.names, style: options.style, words: options.words, dictionary: options.dictionary}
  const processor = unified().use(retextPosteditEnglish) as unknown as Processor
  // The rule families of the registry, in its order; each plugin takes the options it knows.
  for (const {plugin} of RULE_FAMILIES) processor.use(plugin, pluginOptions)
  return processor.use(passThrough) as unknown as PosteditProcessor
}
