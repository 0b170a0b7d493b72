import {dirname, resolve} from 'node:path'
import {ConfigError, ConfigSearch, readConfig, ruleIdsOf, settingsFor, type LoadedConfig} from '../config/load-config.js'
import type {Options} from '../postedit.js'
import type {RuleInfo} from '../rules/catalog.js'
import type {FileJob} from './check-file.js'
import {InputError} from './read-input.js'
import type {NameStyle} from '../names/style.js'

/** What the command line asks for, beyond the files. */
export interface JobSettings {
  cwd: string
  fix: boolean
  /** --config: this file instead of searching. */
  config?: string
  packs: string[]
  names: string[]
  disable: string[]
  words: string[]
  /** Read standard input as Markdown. */
  markdown: boolean
  /** `--dictionary`: the spelling dictionary, over the configuration's. */
  dictionary?: 'en' | 'en-US' | 'en-GB'
  /** `--max-suggestions`, `--all-unknown`: spelling options, over the configuration's. */
  spelling?: {max?: number; allUnknown?: boolean}
  /** `--style`: house style for names, over the configuration's. */
  style?: NameStyle
  /** Read standard input as HTML. */
  html?: boolean
  /** Told about configuration files passed over (a broken package.json). */
  warn: (message: string) => void
  /**
   * Whether a job's outcome will be replayed from the results cache: its
   * packs and rule ids are then not loaded and checked again (they were, when
   * it was cached with the same text and settings), so a run where every file
   * hits never loads a pack.
   */
  replayed?: (job: FileJob) => boolean
}

/** The jobs to run, and what every rule id in play means. */
export interface Plan {
  jobs: FileJob[]
  /** What every rule id in play means (loads the packs not loaded yet: call it only when a report needs it). */
  catalog: () => Promise<ReadonlyMap<string, RuleInfo>>
}

/** What checking packs and rule ids needs: loaded only when a job is not replayed from the cache. */
let validationModules: Promise<{
  loadRules: typeof import('../packs/registry.js').loadRules
  isKnownRuleId: typeof import('../rules/catalog.js').isKnownRuleId
  ruleCatalog: typeof import('../rules/catalog.js').ruleCatalog
  listDirectives: typeof import('../engine/directives.js').listDirectives
}>
const validation = () =>
  (validationModules ??= Promise.all([import('../packs/registry.js'), import('../rules/catalog.js'), import('../engine/directives.js')]).then(
    ([{loadRules}, {isKnownRuleId, ruleCatalog}, {listDirectives}]) => ({loadRules, isKnownRuleId, ruleCatalog, listDirectives})
  ))

/** Line (1-based) of `offset` in `text`. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\n|\r/).length

/**
 * Settings per file: its configuration files (merged from the parent folders),
 * then the command line on top. Each set of packs is loaded (and so checked)
 * here, once, before any worker starts; every rule id named in configuration,
 * in --disable or in an inline comment must name a rule, pack or family.
 */
export async function planJobs(files: readonly string[], texts: readonly string[], settings: JobSettings): Promise<Plan> {
  const {cwd} = settings
  const explicit = settings.config === undefined ? undefined : await readConfig(settings.config)
  const search = new ConfigSearch(settings.warn)
  const jobs: FileJob[] = []
  const catalogs = new Map<string, ReadonlyMap<string, RuleInfo>>()
  const checked = new Set<string>()
  /** The rules of a set of packs, loaded (and so checked) once, with --disable checked against them. */
  const catalogOf = async (packs: string[] | undefined) => {
    const {loadRules, isKnownRuleId, ruleCatalog} = await validation()
    const key = JSON.stringify(packs ?? ['default'])
    let catalog = catalogs.get(key)
    if (!catalog) {
      catalog = ruleCatalog(loadRules(packs))
      catalogs.set(key, catalog)
      for (const id of settings.disable) if (!isKnownRuleId(id, catalog)) throw new ConfigError('--disable', `unknown rule id \`${id}\``)
    }
    return catalog
  }
  const fromCommandLine = (paths: string[]) => paths.map((path) => (path === 'default' ? path : resolve(cwd, path)))
  for (const [index, file] of files.entries()) {
    const path = file === '-' ? undefined : file
    const chain: LoadedConfig[] = explicit ? [explicit] : await search.chain(path === undefined ? cwd : dirname(resolve(path)))
    const resolved = settingsFor(path ?? resolve(cwd, 'stdin'), chain)
    const options: Options = {
      fix: settings.fix,
      disable: settings.disable,
      words: [...resolved.words, ...settings.words],
      phrases: resolved.phrases,
      severities: resolved.rules
    }
    const packs = settings.packs.length > 0 ? fromCommandLine(settings.packs) : resolved.packs
    if (packs) options.packs = packs
    const names = settings.names.length > 0 ? fromCommandLine(settings.names) : resolved.names
    if (names) options.names = names
    const dictionary = settings.dictionary ?? resolved.dictionary
    if (dictionary !== undefined) options.dictionary = dictionary
    const spelling = {...resolved.spelling, ...settings.spelling}
    if (Object.keys(spelling).length > 0) options.spelling = spelling
    const style = settings.style ?? resolved.style
    if (style) options.style = style
    if (path === undefined && settings.markdown) options.format = 'markdown'
    if (path === undefined && settings.html) options.format = 'html'
    const job: FileJob = {path, value: texts[index]!, options, configFiles: chain.map((loaded) => loaded.file)}
    jobs.push(job)
    if (settings.replayed?.(job)) continue
    const {isKnownRuleId, listDirectives} = await validation()
    const catalog = await catalogOf(options.packs)
    const key = JSON.stringify(options.packs ?? ['default'])
    for (const loaded of chain) {
      if (checked.has(`${key}\0${loaded.file}`)) continue
      checked.add(`${key}\0${loaded.file}`)
      for (const id of ruleIdsOf(loaded)) if (!isKnownRuleId(id, catalog)) throw new ConfigError(loaded.file, `rules: unknown rule id \`${id}\``)
    }
    const text = texts[index]!
    for (const comment of listDirectives(text)) {
      const unknown = comment.ids.find((id) => !isKnownRuleId(id, catalog))
      if (unknown !== undefined) {
        throw new InputError(path ?? '<stdin>', `${lineOf(text, comment.start)}: unknown rule id \`${unknown}\` in a postedit-${comment.kind} comment`)
      }
    }
  }
  const catalog = async () => {
    for (const job of jobs) await catalogOf(job.options.packs)
    return new Map([...catalogs.values()].flatMap((entries) => [...entries]))
  }
  return {jobs, catalog}
}
