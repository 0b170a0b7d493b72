import {readFileSync} from 'node:fs'
import {relative} from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {posteditSync, type Options} from '../postedit.js'
import type {PosteditMessage} from '../engine/report.js'
import {PackError} from '../packs/pack-error.js'
import {FORMATS, formatJson, formatStylish, type Format} from './format.js'
import {InputError, readStdin, readTextFile} from './read-input.js'
import {writeFileAtomic} from './write-atomic.js'

/** Exit codes: clean, problems found, could not run as asked. */
export const EXIT = {clean: 0, problems: 1, usage: 2} as const

const HELP = `Usage: postedit [options] FILE...

Find and fix the errors machine translation leaves in English news text:
garbled terms, calques, misspelled names, boilerplate, Arabic punctuation
and digits. With no FILE, or when FILE is -, read standard input.

Options:
  --fix               apply the fixes that are certain, rewriting each file
                      (atomically; nothing else in the file changes)
  --stdout            with --fix: print the corrected text instead of writing
                      (one input only)
  --format NAME       report as ${FORMATS.join(' or ')} (default: stylish)
  --packs PATH        rule pack file or folder to load; repeat for several
                      ("default" names the shipped packs, loaded when none given)
  --disable ID        turn a rule or pack off (calques.liquidate, calques); repeatable
  --word WORD         accept a word as correctly spelled; repeatable
  --no-color          never colour the report (also: NO_COLOR=1)
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 nothing to report, 1 problems found (warnings or errors),
2 bad usage or unreadable input.
`

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return manifest.version
}

interface Input {
  /** Path as given, or undefined for standard input. */
  path: string | undefined
  value: string
}

const isProblem = (message: PosteditMessage) => message.fatal === true || message.fatal === false

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
        format: {type: 'string', default: 'stylish'},
        packs: {type: 'string', multiple: true},
        disable: {type: 'string', multiple: true},
        word: {type: 'string', multiple: true},
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
  const usage = (problem: string) => {
    process.stderr.write(`postedit: ${problem}\nTry \`postedit --help\`.\n`)
    return EXIT.usage
  }
  const format = values.format as Format
  if (!FORMATS.includes(format)) return usage(`unknown format \`${values.format}\` (use ${FORMATS.join(' or ')})`)
  if (values.stdout && !values.fix) return usage('--stdout goes with --fix')
  const paths = positionals.length > 0 ? positionals : ['-']
  if (values.stdout && paths.length > 1) return usage('--fix --stdout takes one input')
  if (paths.filter((path) => path === '-').length > 1) return usage('standard input can be read once')

  // Read every input before anything is written: one bad file changes nothing.
  const inputs: Input[] = []
  try {
    for (const path of paths) {
      inputs.push(path === '-' ? {path: undefined, value: await readStdin()} : {path, value: readTextFile(path)})
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`postedit: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }

  const options: Options = {fix: values.fix, disable: values.disable, words: values.word}
  if (values.packs) options.packs = values.packs
  const files: VFile[] = []
  let problems = false
  try {
    for (const input of inputs) {
      const file = new VFile({value: input.value, path: input.path === undefined ? undefined : relative(process.cwd(), input.path) || input.path})
      const result = posteditSync(file, options)
      if (values.stdout) {
        process.stdout.write(result.value)
      } else if (values.fix && input.path !== undefined && result.value !== input.value) {
        writeFileAtomic(input.path, result.value)
      } else if (values.fix && input.path === undefined) {
        process.stdout.write(result.value)
      }
      if (result.messages.some(isProblem)) problems = true
      files.push(result.file)
    }
  } catch (error) {
    if (error instanceof PackError) {
      process.stderr.write(`postedit: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof Error && /read-only|EACCES|EPERM|EROFS/.test(error.message)) {
      process.stderr.write(`postedit: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }

  if (values.stdout || (values.fix && inputs.some((input) => input.path === undefined))) {
    // The corrected text owns stdout; the report, if any, goes to stderr.
    if (format === 'stylish') {
      const report = formatStylish(files, false)
      if (report && problems) process.stderr.write(`${report}\n`)
    }
    return problems ? EXIT.problems : EXIT.clean
  }
  if (format === 'json') {
    process.stdout.write(`${formatJson(files)}\n`)
  } else {
    const color = values['no-color'] ? false : values.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
    const report = formatStylish(files, color)
    if (report) process.stdout.write(`${report}\n`)
  }
  return problems ? EXIT.problems : EXIT.clean
}
