import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {ConfigError} from '../config/load-config.js'
import {PackError} from '../infra/pack-error.js'
import type {FileOutcome} from '../lint/check-file.js'
import {FORMATS, formatStylish, type Format} from '../lint/format.js'
import {IGNORE_FILE} from '../lint/inputs.js'
import {lintFiles} from '../lint/lint-files.js'
import {filesAboveScore} from '../lint/quality-report.js'
import {encodeText, InputError} from '../lint/read-input.js'
import {errorsOnly, formatDiff, formatResults, posteditVersion} from '../lint/report.js'
import {DEFAULT_CACHE_LOCATION} from '../lint/result-cache.js'
import {parseShard} from '../lint/shard.js'
import {SNAPSHOT_WORKER_ARGUMENT} from '../lint/snapshot-worker.js'
import {NAME_STYLES, type NameStyle} from '../names/style.js'

/** Exit codes: nothing to report, problems remain, could not run as asked. */
export const EXIT = {clean: 0, problems: 1, usage: 2} as const

const HELP = `Usage: postedit [options] [FILE|FOLDER|GLOB|-]...
       postedit pack import GLOSSARY.csv > house.yml
       postedit serve [--port N]   (the playground page, in a browser)

Find and fix the errors machine translation leaves in English news text:
garbled terms, calques, misspelled names, boilerplate, Arabic punctuation
and digits. Checks .txt, .md and .html files (folders: *.txt, *.text, *.md,
*.markdown, *.html, *.htm); in Markdown and HTML only prose, never code,
front matter, tags, attributes, scripts, styles or links.
With -, or no input when standard input is not a terminal, reads standard
input.

Options:
  --fix                 apply the fixes that are certain, rewriting each file
                        atomically (nothing else in it changes)
  --stdout              with --fix: print the corrected text instead (one input)
  --fix-dry-run, --diff print a unified diff of what --fix would change, and
                        exit 1 when there is one; writes nothing
  --format NAME         ${FORMATS.join(', ')} (default: stylish)
  --quiet               report errors only
  --max-warnings N      exit 1 when more than N warnings remain (default: no
                        limit; warnings alone do not fail)
  --summary             print a table of files instead of each message: quality
                        score (penalty points per 100 words) and counts by class
  --max-score N         exit 1 when a file's quality score is above N
  --config FILE         use this configuration file instead of searching for
                        .posteditrc* or package.json "postedit" from each file up
  --packs PATH          rule pack file or folder; repeatable ("default" is the
                        shipped packs, used when none are given)
  --names PATH          gazetteer file or folder of people, places and groups;
                        repeatable ("default" is the shipped one)
  --style NAME          house style for names: ap or reuters (accepted spellings
                        that are not the house one get a suggestion)
  --disable ID          turn a rule, pack or family off (calques.liquidate,
                        calques, typography); repeatable
  --word WORD           accept a word as correctly spelled; repeatable
  --dictionary NAME     en (default: American, British forms accepted too),
                        en-US or en-GB (that spelling only)
  --max-suggestions N   spelling suggestions for at most N distinct unknown
                        words per file (default: 400)
  --all-unknown         report every unknown word and name, not only those
                        close to a known one
  --markdown            read standard input as Markdown
  --html                read standard input as HTML
  --cache               check only files changed since the last run (or whose
                        configuration, packs or postedit changed); replay the
                        others' results from the cache file
  --cache-location PATH cache file, or folder for it (default: ${DEFAULT_CACHE_LOCATION})
  --shard I/N           check only shard I of N (1-based) of the sorted file
                        list: each file falls in exactly one shard
  --no-ignore           also check files ${IGNORE_FILE} excludes
  --color, --no-color   force colour on or off (default: on a terminal,
                        unless NO_COLOR is set)
  --lsp                 run the language server over stdio (for editors; the
                        same as the postedit-lsp command)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no errors (and no more warnings than --max-warnings), 1
errors remain, more warnings than --max-warnings, a score above --max-score,
or --diff shows a change, 2 bad usage, configuration, pack or input, or a
fixed file that cannot be written.
`

const PACK_USAGE = 'Usage: postedit pack import GLOSSARY.csv|.tsv > house.yml\n'

/**
 * `postedit pack import FILE`: a glossary spreadsheet turned into a rule pack
 * on stdout, or every problem in it on stderr, each with its line.
 */
async function packCommand(args: string[]): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    process.stdout.write(PACK_USAGE)
    return EXIT.clean
  }
  if (args[0] !== 'import' || args.length !== 2 || args[1]!.startsWith('-')) {
    process.stderr.write(`postedit: ${args[0] === 'import' ? 'pack import takes one glossary file' : `unknown pack command \`${args[0] ?? ''}\``}\n${PACK_USAGE}`)
    return EXIT.usage
  }
  const file = args[1]!
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    process.stderr.write(`postedit: ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`)
    return EXIT.usage
  }
  const {importGlossary} = await import('../packs/import-glossary.js')
  const result = importGlossary(text, file)
  if (result.yaml === undefined) {
    for (const {line, problem} of result.problems) process.stderr.write(`postedit: ${file}${line > 0 ? `:${line}` : ''}: ${problem}\n`)
    process.stderr.write(`postedit: ${file}: ${plural(result.problems.length, 'problem', 'problems')}; no pack written\n`)
    return EXIT.usage
  }
  process.stdout.write(result.yaml)
  process.stderr.write(`postedit: ${file}: ${plural(result.entries, 'entry', 'entries')} imported\n`)
  return EXIT.clean
}

/** Exit with a one-line message: bad usage, configuration, pack or input. */
class StopError extends Error {}

/**
 * Run the command line with `args` (without `node` and the script). Output
 * goes to stdout and stderr; the resolved value is the exit code.
 */
export async function main(args: string[]): Promise<number> {
  if (args[0] === 'pack') return packCommand(args.slice(1))
  // A worker process of a run over many files (src/lint/snapshot-worker.ts).
  if (args[0] === SNAPSHOT_WORKER_ARGUMENT && args.length === 1) return (await import('../lint/snapshot-worker.js')).serveParent()
  if (args[0] === 'serve') return (await import('./serve.js')).serveCommand(args.slice(1))
  // `--stdio` is what generic LSP clients add; the server speaks over stdio anyway.
  if (args.includes('--lsp')) {
    if (!args.every((arg) => arg === '--lsp' || arg === '--stdio')) {
      process.stderr.write('postedit: --lsp runs the language server over stdio and takes no other option or file\nTry `postedit --help`.\n')
      return EXIT.usage
    }
    const {runLanguageServer} = await import('../lsp/server.js')
    return runLanguageServer()
  }
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
        format: {type: 'string'},
        quiet: {type: 'boolean', default: false},
        'max-warnings': {type: 'string'},
        summary: {type: 'boolean', default: false},
        'max-score': {type: 'string'},
        config: {type: 'string'},
        packs: {type: 'string', multiple: true},
        names: {type: 'string', multiple: true},
        style: {type: 'string'},
        disable: {type: 'string', multiple: true},
        word: {type: 'string', multiple: true},
        dictionary: {type: 'string'},
        'max-suggestions': {type: 'string'},
        'all-unknown': {type: 'boolean', default: false},
        markdown: {type: 'boolean', default: false},
        html: {type: 'boolean', default: false},
        cache: {type: 'boolean', default: false},
        'cache-location': {type: 'string'},
        shard: {type: 'string'},
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
    process.stdout.write(`${posteditVersion()}\n`)
    return EXIT.clean
  }
  if (positionals.length === 0 && process.stdin.isTTY) {
    // Nobody is going to type an article: say how to use the command instead of waiting.
    process.stderr.write(`postedit: no input; give files, folders or globs, or - to read standard input\n\n${HELP}`)
    return EXIT.usage
  }
  try {
    return await run(values, positionals)
  } catch (error) {
    if (error instanceof StopError || error instanceof InputError || error instanceof PackError || error instanceof ConfigError) {
      process.stderr.write(`postedit: ${error.message}\n`)
      return EXIT.usage
    }
    // The library refuses a bad option (an unknown rule id) with a TypeError of its own.
    if (error instanceof Error && error.name === 'TypeError' && error.message.startsWith('postedit: ')) {
      process.stderr.write(`${error.message}\n`)
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

/** `--max-score N`: a number of 0 or more, or undefined when not given. */
function maxScoreOf(value: unknown, usage: (problem: string) => never): number | undefined {
  if (value === undefined) return undefined
  const maximum = Number(value)
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(maximum) || maximum < 0) usage('--max-score takes a number of 0 or more')
  return maximum
}

/** Whether a file scores above `--max-score`; each such file is named on stderr. */
function aboveMaxScore(outcomes: readonly FileOutcome[], maximum: number | undefined): boolean {
  if (maximum === undefined) return false
  const above = filesAboveScore(outcomes, maximum)
  for (const file of above) process.stderr.write(`postedit: ${file.name}: quality score ${file.score.toFixed(2)} is above --max-score ${maximum}\n`)
  return above.length > 0
}

type Values = ReturnType<typeof parseArgs<{options: Record<string, {type: 'string' | 'boolean'; multiple?: boolean}>}>>['values']

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** Refuse flag combinations that make no sense, with one line each. */
function checkFlags(values: Values, positionals: string[], usage: (problem: string) => never): void {
  const flag = (name: string) => values[name] === true
  const dryRunFlag = flag('fix-dry-run') ? '--fix-dry-run' : flag('diff') ? '--diff' : undefined
  if (values.format !== undefined && !FORMATS.includes(values.format as Format)) usage(`unknown format \`${String(values.format)}\` (use ${FORMATS.join(', ')})`)
  if (flag('fix') && dryRunFlag) usage(`--fix writes the files; ${dryRunFlag} only shows what it would change: use one of them`)
  if (flag('stdout') && !flag('fix')) usage('--stdout goes with --fix')
  if (dryRunFlag && values.format !== undefined) usage(`${dryRunFlag} prints a diff; --format does not apply to it`)
  if (flag('stdout') && values.format !== undefined && values.format !== 'stylish') {
    usage('--fix --stdout prints the corrected text; drop --stdout to get a report in another format')
  }
  const inputs = positionals.length > 0 ? positionals : ['-']
  if (flag('markdown') && !inputs.includes('-')) usage('--markdown is for standard input (-); files are read by their extension')
  if (flag('html') && !inputs.includes('-')) usage('--html is for standard input (-); files are read by their extension')
  if (flag('html') && flag('markdown')) usage('standard input is read as Markdown or as HTML: use --markdown or --html')
  if (values['cache-location'] !== undefined && !flag('cache')) usage('--cache-location goes with --cache')
  if (values.shard !== undefined && inputs.includes('-')) usage('--shard splits files; standard input cannot be split')
  if (flag('fix') && inputs.includes('-') && inputs.length > 1) usage('--fix with standard input prints the corrected text, so it takes no other input')
}

async function run(values: Values, positionals: string[]): Promise<number> {
  const flag = (name: string) => values[name] === true
  const list = (name: string) => (values[name] as string[] | undefined) ?? []
  const usage = (problem: string): never => {
    throw new StopError(`${problem}\nTry \`postedit --help\`.`)
  }
  checkFlags(values, positionals, usage)
  const format = (values.format as Format | undefined) ?? 'stylish'
  const dryRun = flag('fix-dry-run') || flag('diff')
  // --fix prints the corrected text for --stdout and for standard input, and writes files otherwise.
  const toStdout = flag('fix') && (flag('stdout') || positionals.length === 0 || positionals.includes('-'))
  let maxWarnings = Number.POSITIVE_INFINITY
  const styleOption = values.style as NameStyle | undefined
  if (styleOption !== undefined && !NAME_STYLES.includes(styleOption)) usage(`unknown style \`${styleOption}\` (use ${NAME_STYLES.join(', ')})`)
  if (values.dictionary !== undefined && !['en', 'en-US', 'en-GB'].includes(values.dictionary as string)) usage('--dictionary takes en, en-US or en-GB')
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) usage('--max-warnings takes a whole number of 0 or more')
  }
  const maxScore = maxScoreOf(values['max-score'], usage)
  const spelling: {max?: number; allUnknown?: boolean} = flag('all-unknown') ? {allUnknown: true} : {}
  if (values['max-suggestions'] !== undefined) {
    spelling.max = Number(values['max-suggestions'])
    if (!Number.isInteger(spelling.max) || spelling.max < 0) usage('--max-suggestions takes a whole number of 0 or more')
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard as string, usage)
  // Only for a person watching a terminal: never in CI logs (CI is set by GitHub Actions, GitLab and the rest) or a redirected stderr.
  let progress = false
  const {results: outcomes, encodings, catalog, tooLarge, unwritten, written, inputs} = await lintFiles(positionals, {
    fix: flag('fix') || dryRun,
    write: flag('fix') && !toStdout,
    config: values.config as string | undefined,
    packs: list('packs'),
    names: list('names'),
    disable: list('disable'),
    words: list('word'),
    markdown: flag('markdown'),
    html: flag('html'),
    style: styleOption,
    dictionary: values.dictionary as 'en' | 'en-US' | 'en-GB' | undefined,
    spelling,
    ignore: !flag('no-ignore'),
    cache: flag('cache') ? ((values['cache-location'] as string | undefined) ?? '') : undefined,
    shard,
    onFiles: ({files, ignored, allIgnored}) => {
      if (files.filter((file) => file === '-').length > 1) usage('standard input can be read once')
      if (flag('stdout') && files.length !== 1) usage('--fix --stdout takes one input')
      if (files.length === 0 && ignored.length + allIgnored.length === 0) usage('no input')
    },
    onNotice: (line) => process.stderr.write(`postedit: ${line}\n`),
    onProgress: (done, total) => {
      progress = process.stderr.isTTY && !process.env.CI && total > 5 && format !== 'github'
      if (progress) process.stderr.write(`\rpostedit: ${done}/${total} files`)
    }
  })
  if (inputs.files.length === 0 || outcomes.length + tooLarge.length === 0) return EXIT.clean
  if (progress) process.stderr.write('\r\u001B[K')
  for (const problem of unwritten) process.stderr.write(`postedit: ${problem}\n`)
  if (flag('fix') && !flag('quiet')) {
    const applied = toStdout ? {files: outcomes.filter((outcome) => outcome.fixed > 0).length, fixes: outcomes.reduce((sum, outcome) => sum + outcome.fixed, 0)} : written
    process.stderr.write(`postedit: applied ${plural(applied.fixes, 'fix', 'fixes')} in ${plural(applied.files, 'file', 'files')}\n`)
  }

  const all = outcomes.flatMap((outcome) => outcome.messages)
  const errors = all.filter((message) => message.severity === 'error').length
  const warnings = all.filter((message) => message.severity === 'warning').length
  const tooManyWarnings = warnings > maxWarnings
  const failed = errors > 0 || tooManyWarnings || aboveMaxScore(outcomes, maxScore)
  const warnAboutWarnings = () => {
    if (tooManyWarnings) process.stderr.write(`postedit: too many warnings (${warnings}, maximum ${maxWarnings}${flag('quiet') ? '; --quiet does not show them' : ''})\n`)
  }
  const status = (problems = failed) => (tooLarge.length > 0 ? EXIT.usage : problems ? EXIT.problems : EXIT.clean)

  if (dryRun) {
    const patch = await formatDiff(outcomes)
    process.stdout.write(patch)
    warnAboutWarnings()
    return status(patch !== '' || failed)
  }
  if (toStdout) {
    // The corrected text owns stdout; a report, if any, goes to stderr.
    for (const [index, outcome] of outcomes.entries()) process.stdout.write(encodeText(outcome.value, encodings[index]!))
    if (failed) process.stderr.write(`${await formatStylish(flag('quiet') ? errorsOnly(outcomes) : outcomes, {color: false, quiet: true})}\n`)
    warnAboutWarnings()
    return status()
  }
  const color = values['no-color'] === true ? false : ((values.color as boolean | undefined) ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR))
  const report = await formatResults(outcomes, {format: flag('summary') ? 'summary' : format, catalog: format === 'sarif' ? await catalog() : new Map(), quiet: flag('quiet'), color})
  if (report) process.stdout.write(`${report}\n`)
  warnAboutWarnings()
  if (unwritten.length > 0) return EXIT.usage
  return status()
}
