import {existsSync, readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import type {RuleSetting} from '../engine/adjust.js'
import type {Options} from '../postedit.js'
import {PackError} from '../packs/pack-error.js'
import {loadRules} from '../packs/registry.js'
import {isKnownRuleId, ruleCatalog, type RuleInfo} from '../rules/catalog.js'
import type {FileJob, FileOutcome} from './check-file.js'
import {ConfigError, findConfig, readConfig, settingsFor, type LoadedConfig} from '../config/load-config.js'
import {FORMATS, formatGithub, formatJson, formatSarif, formatStylish, type Format} from './format.js'
import {collectInputs, IGNORE_FILE, isGlob, TEXT_EXTENSIONS} from './inputs.js'
import {checkAll} from './pool.js'
import {InputError, readStdin, readTextFile} from './read-input.js'
import {writeFileAtomic} from './write-atomic.js'

/** Exit codes: nothing to report, problems remain, could not run as asked. */
export const EXIT = {clean: 0, problems: 1, usage: 2} as const

const HELP = `Usage: postedit [options] [FILE|FOLDER|GLOB|-]...

Find and fix the errors machine translation leaves in English news text:
garbled terms, calques, misspelled names, boilerplate, Arabic punctuation
and digits. Checks .txt and .md files (folders: *.txt, *.text, *.md,
*.markdown); in Markdown only prose, never code, front matter, HTML or links.
With no input, or -, reads standard input.

Options:
  --fix                 apply the fixes that are certain, rewriting each file
                        atomically (nothing else in it changes)
  --stdout              with --fix: print the corrected text instead (one input)
  --fix-dry-run, --diff print a unified diff of what --fix would change
  --format NAME         ${FORMATS.join(', ')} (default: stylish)
  --quiet               report errors only
  --max-warnings N      exit 1 when more than N warnings remain (default: 0)
  --config FILE         use this configuration file instead of searching for
                        .posteditrc* or package.json "postedit" from each file up
  --packs PATH          rule pack file or folder; repeatable ("default" is the
                        shipped packs, used when none are given)
  --names PATH          gazetteer file or folder of people, places and groups;
                        repeatable ("default" is the shipped one)
  --disable ID          turn a rule, pack or family off (calques.liquidate,
                        calques, typography); repeatable
  --word WORD           accept a word as correctly spelled; repeatable
  --dictionary NAME     en (default: American, British forms accepted too),
                        en-US or en-GB (that spelling only)
  --markdown            read standard input as Markdown
  --no-ignore           also check files ${IGNORE_FILE} excludes
  --color, --no-color   force colour on or off (default: on a terminal,
                        unless NO_COLOR is set)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 nothing to report, 1 errors remain or more warnings than
--max-warnings, 2 bad usage, configuration, pack or input.
`

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
}

/** The repository top for SARIF paths: the nearest folder up with a .git, else the working folder. */
function repositoryRoot(cwd: string): string {
  for (let directory = cwd; ; directory = dirname(directory)) {
    if (existsSync(resolve(directory, '.git'))) return directory
    if (dirname(directory) === directory) return cwd
  }
}

/** Exit with a one-line message: bad usage, configuration, pack or input. */
class StopError extends Error {}

/** Ids in configuration `rules` that name no rule, pack or family. */
function checkRuleIds(rules: Record<string, RuleSetting>, catalog: ReadonlyMap<string, RuleInfo>, where: string): void {
  for (const id of Object.keys(rules)) {
    if (!isKnownRuleId(id, catalog)) throw new ConfigError(where, `rules: unknown rule id \`${id}\``)
  }
}

/**
 * Run the command line with `args` (without `node` and the script). Output
 * goes to stdout and stderr; the resolved value is the exit code.
 */
export async function main(args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        fix: {type: 'boolean', default: false},
        stdout: {type: 'boolean', default: false},
        'fix-dry-run': {type: 'boolean', default: false},
        diff: {type: 'boolean', default: false},
        format: {type: 'string', default: 'stylish'},
        quiet: {type: 'boolean', default: false},
        'max-warnings': {type: 'string'},
        config: {type: 'string'},
        packs: {type: 'string', multiple: true},
        names: {type: 'string', multiple: true},
        disable: {type: 'string', multiple: true},
        word: {type: 'string', multiple: true},
        dictionary: {type: 'string'},
        markdown: {type: 'boolean', default: false},
        'no-ignore': {type: 'boolean', default: false},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    process.stderr.write(`postedit: ${(error as Error).message}\nTry \`postedit --help\`.\n`)
    return EXIT.usage
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(HELP)
    return EXIT.clean
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`)
    return EXIT.clean
  }
  try {
    return await run(values, positionals)
  } catch (error) {
    if (error instanceof StopError || error instanceof InputError || error instanceof PackError || error instanceof ConfigError) {
      process.stderr.write(`postedit: ${error.message}\n`)
      return EXIT.usage
    }
    // A pack error raised inside a worker arrives as a plain Error.
    if (error instanceof Error && /^(?:PackError|ConfigError)\b/.test(error.name)) {
      process.stderr.write(`postedit: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
}

type Values = ReturnType<typeof parseArgs<{options: Record<string, {type: 'string' | 'boolean'; multiple?: boolean}>}>>['values']

async function run(values: Values, positionals: string[]): Promise<number> {
  const flag = (name: string) => values[name] === true
  const list = (name: string) => (values[name] as string[] | undefined) ?? []
  const usage = (problem: string): never => {
    throw new StopError(`${problem}\nTry \`postedit --help\`.`)
  }
  const format = values.format as Format
  if (!FORMATS.includes(format)) usage(`unknown format \`${String(values.format)}\` (use ${FORMATS.join(', ')})`)
  const dryRun = flag('fix-dry-run') || flag('diff')
  const fixing = flag('fix') || dryRun
  if (flag('stdout') && !flag('fix')) usage('--stdout goes with --fix')
  if (values.dictionary !== undefined && !['en', 'en-US', 'en-GB'].includes(values.dictionary as string)) usage('--dictionary takes en, en-US or en-GB')
  let maxWarnings = 0
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) usage('--max-warnings takes a whole number of 0 or more')
  }
  const cwd = process.cwd()

  const inputs = await collectInputs(positionals.length > 0 ? positionals : ['-'], {useIgnore: !flag('no-ignore')})
  for (const file of inputs.ignored) process.stderr.write(`postedit: ${file}: ignored by ${IGNORE_FILE} (use --no-ignore to check it)\n`)
  const [empty] = inputs.empty
  if (empty !== undefined) {
    throw new StopError(`${empty}: no files to check (${isGlob(empty) ? 'the glob matches none' : `a folder is searched for ${TEXT_EXTENSIONS.map((extension) => `*.${extension}`).join(', ')}`})`)
  }
  if (inputs.files.filter((file) => file === '-').length > 1) usage('standard input can be read once')
  if (flag('stdout') && inputs.files.length !== 1) usage('--fix --stdout takes one input')
  if (inputs.files.length === 0) return inputs.ignored.length > 0 ? EXIT.clean : usage('no input')

  // Read every input before anything is written: one bad file changes nothing.
  const texts: string[] = []
  for (const file of inputs.files) texts.push(file === '-' ? await readStdin() : readTextFile(file))

  // Settings per file: its configuration, then the command line on top.
  const explicit = values.config === undefined ? undefined : await readConfig(values.config as string)
  const configs = new Map<string, LoadedConfig | undefined>()
  const jobs: FileJob[] = []
  const catalogs = new Map<string, ReadonlyMap<string, RuleInfo>>()
  for (const [index, file] of inputs.files.entries()) {
    const path = file === '-' ? undefined : file
    const directory = path === undefined ? cwd : dirname(resolve(path))
    let loaded = explicit
    if (!loaded) {
      if (!configs.has(directory)) configs.set(directory, await findConfig(directory))
      loaded = configs.get(directory)
    }
    const settings = settingsFor(path ?? resolve(cwd, 'stdin'), loaded)
    const packs = list('packs').length > 0 ? list('packs') : settings.packs
    const options: Options = {
      fix: fixing,
      disable: list('disable'),
      words: [...settings.words, ...list('word')],
      phrases: settings.phrases,
      severities: settings.rules
    }
    const dictionary = (values.dictionary as string | undefined) ?? settings.dictionary
    if (dictionary !== undefined) options.dictionary = dictionary as NonNullable<Options['dictionary']>
    if (packs) options.packs = packs.map((pack) => (pack === 'default' ? pack : resolve(cwd, pack)))
    const names = list('names').length > 0 ? list('names') : settings.names
    if (names) options.names = names.map((name) => (name === 'default' ? name : resolve(cwd, name)))
    if (path === undefined && flag('markdown')) options.format = 'markdown'
    // Load (and so check) each set of packs here, once, before any worker starts.
    const key = JSON.stringify(options.packs ?? ['default'])
    let catalog = catalogs.get(key)
    if (!catalog) {
      catalog = ruleCatalog(loadRules(options.packs))
      catalogs.set(key, catalog)
    }
    if (settings.file) checkRuleIds(settings.rules, catalog, settings.file)
    jobs.push({path, value: texts[index]!, options})
  }

  const progress = process.stderr.isTTY && jobs.length > 5 && format !== 'github'
  let done = 0
  const unwritten: string[] = []
  const outcomes = await checkAll(jobs, (outcome) => {
    if (flag('fix') && !flag('stdout') && outcome.path !== undefined && outcome.value !== outcome.original) {
      try {
        writeFileAtomic(outcome.path, outcome.value)
      } catch (error) {
        // The file is as it was; say so and go on with the others.
        const code = (error as NodeJS.ErrnoException).code
        unwritten.push(code ? `${outcome.path}: cannot be rewritten (${code})` : (error as Error).message)
      }
    }
    done++
    if (progress) process.stderr.write(`\rpostedit: ${done}/${jobs.length} files`)
  })
  if (progress) process.stderr.write('\r\u001B[K')
  for (const problem of unwritten) process.stderr.write(`postedit: ${problem}\n`)

  const shown = outcomes.map((outcome) => ({
    ...outcome,
    messages: flag('quiet') ? outcome.messages.filter((message) => message.severity === 'error') : outcome.messages
  }))
  const all = outcomes.flatMap((outcome) => outcome.messages)
  const errors = all.filter((message) => message.severity === 'error').length
  const warnings = all.filter((message) => message.severity === 'warning').length
  const failed = errors > 0 || warnings > maxWarnings

  if (dryRun) {
    const {createTwoFilesPatch} = await import('diff')
    for (const outcome of outcomes) {
      if (outcome.value === outcome.original) continue
      const name = outcome.path ?? 'stdin'
      process.stdout.write(createTwoFilesPatch(`a/${name}`, `b/${name}`, outcome.original, outcome.value))
    }
    return failed ? EXIT.problems : EXIT.clean
  }
  const stdinFixed = flag('fix') && outcomes.some((outcome) => outcome.path === undefined)
  if (flag('stdout') || stdinFixed) {
    // The corrected text owns stdout; a report, if any, goes to stderr.
    for (const outcome of outcomes) process.stdout.write(outcome.value)
    if (format === 'stylish' && failed) process.stderr.write(`${await formatStylish(shown, {color: false})}\n`)
    return failed ? EXIT.problems : EXIT.clean
  }
  const color = values['no-color'] === true ? false : ((values.color as boolean | undefined) ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR))
  const catalog = new Map([...catalogs.values()].flatMap((entries) => [...entries]))
  let report: string
  switch (format) {
    case 'json':
      report = formatJson(shown)
      break
    case 'sarif':
      report = formatSarif(shown, {catalog, root: repositoryRoot(cwd), version: version(), color})
      break
    case 'github':
      report = formatGithub(shown)
      break
    default:
      report = await formatStylish(shown, {color})
  }
  if (report) process.stdout.write(`${report}\n`)
  if (unwritten.length > 0) return EXIT.usage
  return failed ? EXIT.problems : EXIT.clean
}
