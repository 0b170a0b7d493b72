import {resolve} from 'node:path'
import type {NameStyle} from '../names/style.js'
import type {RuleInfo} from '../rules/catalog.js'
import {collectInputs, IGNORE_FILE, isGlob, TEXT_EXTENSIONS, type InputList} from './inputs.js'
import {planJobs} from './jobs.js'
import type {FileJob, FileOutcome} from './outcome.js'
import {encodeText, InputError, readStdin, readTextFile, TooLargeError, type TextEncoding} from './read-input.js'
import {DEFAULT_CACHE_LOCATION, ResultCache} from './result-cache.js'
import {takeShard, type Shard} from './shard.js'
import {holdDataFiles} from '../infra/data-freshness.js'
import {removeTemporaryFilesOnSignals, writeFileAtomic} from './write-atomic.js'

/** What {@link lintFiles} is asked to do, beyond the patterns. */
export interface LintFilesOptions {
  /** Folder relative paths are taken from (default: `process.cwd()`). */
  cwd?: string
  /** Apply the certain fixes to the text (in `results[i].value`). */
  fix?: boolean
  /** With `fix`: write each fixed file back, atomically (default: false, nothing is written). */
  write?: boolean
  /** This configuration file alone instead of searching `.posteditrc*` from each file up. */
  config?: string
  /** Rule packs, over the configuration's (`'default'` is the shipped set). */
  packs?: string[]
  /** Gazetteers, over the configuration's. */
  names?: string[]
  /** Rule ids, packs or families to turn off; an unknown id is an error. */
  disable?: string[]
  /** Words accepted as correctly spelled, added to the configuration's. */
  words?: string[]
  /** Spelling dictionary, over the configuration's. */
  dictionary?: 'en' | 'en-US' | 'en-GB'
  /** Spelling rule options (`max`, `allUnknown`), over the configuration's. */
  spelling?: {max?: number; allUnknown?: boolean}
  /** House style for names, over the configuration's. */
  style?: NameStyle
  /** Read standard input (`-`) as Markdown or as HTML. */
  markdown?: boolean
  html?: boolean
  /** Honour `.posteditignore` files (default: true). */
  ignore?: boolean
  /** Results cache file or folder (relative to `cwd`); undefined: no cache. */
  cache?: string
  /** Check only this shard of the sorted file list. */
  shard?: Shard
  /** Told each found file list before anything is read: throw to refuse it. */
  onFiles?: (inputs: Readonly<InputList>) => void
  /** Told what a user should hear about as it happens (ignored or oversized inputs, configuration warnings), one line each. */
  onNotice?: (line: string) => void
  /** Told after each file is checked (or replayed from the cache). */
  onProgress?: (done: number, total: number) => void
}

/** What {@link lintFiles} found, in the order of the files. */
export interface LintFilesResult {
  /** One outcome per file checked: messages, original and fixed text. */
  results: FileOutcome[]
  /** Each file's encoding, to write its fixed text back the same way. */
  encodings: TextEncoding[]
  /**
   * What every rule id that may appear means (for SARIF). It loads the packs
   * a fully cached run never loaded: call it only when a report needs it.
   */
  catalog: () => Promise<ReadonlyMap<string, RuleInfo>>
  /** Inputs left out for being over the size limit. */
  tooLarge: string[]
  /** Files that could not be written (each reported as it still is), one line each. */
  unwritten: string[]
  /** What was written with `write`. */
  written: {files: number; fixes: number}
  /** The patterns' files found: all of them, before sharding. */
  inputs: InputList
}

/**
 * Check files as the `postedit` command does: expand `patterns` (files,
 * folders, globs, `-` for standard input) honouring `.posteditignore` in every
 * folder, give each file the settings of its own configuration files (merged
 * from its folder up, with overrides), run the checks (in worker processes or threads when
 * there are many files), replay unchanged files from the cache, and with
 * `write` write each fixed file back atomically. Inputs that cannot be used
 * throw {@link InputError}; a bad configuration or pack throws its own error.
 *
 * @example
 * const {results} = await lintFiles(['articles/'])
 * console.log(await formatStylish(results, {color: false}))
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  // One run, one look at the packs and gazetteers: checking every data file
  // for edits before each file cost as much as a tenth of checking an article.
  const release = holdDataFiles()
  try {
    return await lintRun(patterns, options)
  } finally {
    release()
  }
}

/** {@link lintFiles} with the data files held. */
async function lintRun(patterns: readonly string[], options: LintFilesOptions): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd()
  const notice = options.onNotice ?? (() => {})
  const inputs = await collectInputs(patterns.length > 0 ? patterns : ['-'], {cwd, useIgnore: options.ignore ?? true})
  const none = (catalog: () => Promise<ReadonlyMap<string, RuleInfo>> = async () => new Map()): LintFilesResult => ({results: [], encodings: [], catalog, tooLarge: [], unwritten: [], written: {files: 0, fixes: 0}, inputs})
  for (const file of inputs.ignored) notice(`${file}: ignored by ${IGNORE_FILE} (use --no-ignore to check it)`)
  for (const pattern of inputs.allIgnored) notice(`${pattern}: every file found is ignored by ${IGNORE_FILE} (use --no-ignore to check them)`)
  const [empty] = inputs.empty
  if (empty !== undefined) {
    throw new InputError(empty, `no files to check (${isGlob(empty) ? 'the glob matches none' : `a folder is searched for ${TEXT_EXTENSIONS.map((extension) => `*.${extension}`).join(', ')}`})`)
  }
  options.onFiles?.(inputs)
  if (inputs.files.filter((file) => file === '-').length > 1) throw new InputError('-', 'standard input can be read once')
  // A shard may be empty (more machines than files): nothing to check.
  const files = options.shard ? takeShard(inputs.files, options.shard) : [...inputs.files]
  if (files.length === 0) return none()

  // Read every input before anything is written: one bad file changes nothing.
  // Only a file over the size limit among several is left out, with one line
  // naming it: one dump in a folder of articles must not stop the others.
  const texts: Array<{text: string; encoding: TextEncoding}> = []
  const tooLarge: string[] = []
  const several = files.length > 1
  for (const file of [...files]) {
    try {
      texts.push(file === '-' ? await readStdin() : readTextFile(file))
    } catch (error) {
      if (!(error instanceof TooLargeError) || !several) throw error
      notice(error.message)
      tooLarge.push(file)
      files.splice(files.indexOf(file), 1)
    }
  }

  const cache = options.cache === undefined ? undefined : new ResultCache(resolve(cwd, options.cache || DEFAULT_CACHE_LOCATION), cwd)
  const hits = new Map<FileJob, FileOutcome>()
  const warned = new Set<string>()
  const writing = Boolean(options.fix && options.write)
  const {jobs, catalog} = await planJobs(
    files,
    texts.map((text) => text.text),
    {
      cwd,
      fix: options.fix ?? false,
      config: options.config,
      packs: options.packs ?? [],
      names: options.names ?? [],
      disable: options.disable ?? [],
      words: options.words ?? [],
      markdown: options.markdown ?? false,
      style: options.style,
      dictionary: options.dictionary,
      spelling: options.spelling,
      html: options.html ?? false,
      warn: (warning) => {
        if (!warned.has(warning)) notice(`warning: ${warning}`)
        warned.add(warning)
      },
      // Looked up once per job: each lookup hashes the file's text.
      replayed: cache && ((job) => {
        const hit = cache.lookup(job)
        if (hit) hits.set(job, hit)
        return hit !== undefined
      })
    }
  )

  if (writing) removeTemporaryFilesOnSignals()
  const replayed = new Map<number, FileOutcome>()
  for (const [index, job] of jobs.entries()) {
    const hit = hits.get(job)
    if (hit) replayed.set(index, hit)
  }
  const toCheck = jobs.flatMap((_, index) => (replayed.has(index) ? [] : [index]))
  let done = replayed.size
  const unwritten = new Map<number, string>()
  const written = {files: 0, fixes: 0}
  // The engine (rules, packs, dictionaries) loads only when a file is to be checked: never when every file hits the cache.
  const {checkAll} = toCheck.length > 0 ? await import('./pool.js') : {checkAll: async () => [] as FileOutcome[]}
  const checked = await checkAll(
    // A worker lives for this run alone: it may hold its data files too.
    toCheck.map((index) => ({...jobs[index]!, holdData: true})),
    (outcome, position) => {
      const index = toCheck[position]!
      if (writing && outcome.path !== undefined && outcome.value !== outcome.original) {
        try {
          writeFileAtomic(outcome.path, encodeText(outcome.value, texts[index]!.encoding))
          written.files++
          written.fixes += outcome.fixed
        } catch (error) {
          // The file is as it was; say so and go on with the others.
          const code = (error as NodeJS.ErrnoException).code
          unwritten.set(index, code ? `${outcome.path}: cannot be rewritten (${code}); nothing in it was fixed` : (error as Error).message)
        }
      }
      done++
      options.onProgress?.(done, jobs.length)
    }
  )
  const results = jobs.map((_, index) => replayed.get(index)!)
  for (const [position, index] of toCheck.entries()) results[index] = checked[position]!
  if (cache) {
    for (const index of toCheck) {
      const outcome = results[index]!
      const onDisk = writing && outcome.value !== outcome.original && !unwritten.has(index) ? outcome.value : outcome.original
      cache.store(jobs[index]!, outcome, onDisk)
    }
    cache.save()
    // For tests and the curious: which files were really checked.
    if (process.env.POSTEDIT_DEBUG_CACHE) notice(`cache: checked ${JSON.stringify(toCheck.map((index) => jobs[index]!.path ?? '-'))}`)
  }
  if (unwritten.size > 0) {
    // Not written: the report is about the file as it still is, not about the fixed text nobody will see.
    const failed = [...unwritten.keys()].map((index) => ({...jobs[index]!, options: {...jobs[index]!.options, fix: false}}))
    const {checkFile, prepareFor} = await import('./check-file.js')
    await prepareFor(failed)
    for (const [position, index] of [...unwritten.keys()].entries()) results[index] = checkFile(failed[position]!)
  }
  return {...none(catalog), results, encodings: texts.map((text) => text.encoding), tooLarge, unwritten: [...unwritten.values()], written}
}
