import {basename, extname} from 'node:path'
import {parse as parseCsv} from 'csv-parse/sync'
import {stringify} from 'yaml'
import {parsePack} from './load.js'
import {PackError} from '../infra/pack-error.js'
import {verifyPack} from './verify.js'

/** One problem in a glossary, at its line (1-based). */
export interface GlossaryProblem {
  line: number
  problem: string
}

/** What importing a glossary gave: the pack's YAML when nothing is wrong, and every problem found. */
export interface GlossaryImport {
  /** The pack as YAML text, or undefined when any line has a problem. */
  yaml: string | undefined
  problems: GlossaryProblem[]
  /** Entries in the pack. */
  entries: number
}

interface Row {
  line: number
  wrong: string
  right: string[]
  note: string
  /** A sentence of the newsroom's own holding the wrong form, when the fourth column gives one. */
  example: string
}

interface Entry {
  id: string
  type: 'substitution'
  match: string
  replace: string | string[]
  fix?: 'auto'
  note: string
  examples: Array<{in: string; out?: string}>
}

/** First cells that mark a header row rather than a glossary entry. */
const HEADER = /^(?:wrong|wrong forms?|wrong form|incorrect|mistake|error|avoid|don'?t use|do not use|bad|term|from|source)$/i

/** Several right forms in one cell: `Islamic State | IS`, or separated by semicolons. */
const ALTERNATIVES = /\s*[|;]\s*/

/** A pack or entry id from free text: lower case, letters, digits and hyphens. */
function slug(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return base || 'entry'
}

/** The delimiter of a glossary: a tab for `.tsv`/`.tab`, a comma for `.csv`, else whichever the first line has. */
function delimiterOf(file: string, text: string): string {
  const extension = extname(file).toLowerCase()
  if (extension === '.tsv' || extension === '.tab') return '\t'
  if (extension === '.csv') return ','
  const first = text.split('\n', 1)[0] ?? ''
  return first.includes('\t') ? '\t' : first.includes(';') && !first.includes(',') ? ';' : ','
}

/** An example sentence for a row with none: the wrong form mid-sentence, so no capital is added. */
function generatedExample(wrong: string, right: string): {in: string; out: string} {
  return {in: `The statement mentioned ${wrong} twice.`, out: `The statement mentioned ${right} twice.`}
}

/**
 * The row's own example with its expected correction: the wrong form
 * replaced by the first right form (capitalised at the start of the
 * sentence, as the fix does). The pack loader then checks that the fix
 * really gives this.
 */
function ownExample(row: Row): {in: string; out: string} {
  const at = row.example.toLowerCase().indexOf(row.wrong.toLowerCase())
  const right = row.right[0]!
  const replacement = at === 0 ? right.charAt(0).toUpperCase() + right.slice(1) : right
  return {in: row.example, out: at < 0 ? row.example : row.example.slice(0, at) + replacement + row.example.slice(at + row.wrong.length)}
}

function entryOf(row: Row, id: string): Entry {
  // One right form is the house's decision, so it is applied; with several an editor chooses.
  const fix: Pick<Entry, 'fix'> = row.right.length === 1 ? {fix: 'auto'} : {}
  return {
    id,
    type: 'substitution',
    match: row.wrong,
    replace: row.right.length === 1 ? row.right[0]! : row.right,
    ...fix,
    note: row.note || `House style: write ${row.right.map((form) => `“${form}”`).join(' or ')}, not “${row.wrong}”.`,
    // The generated example tests the fix; the newsroom's own sentence, if any, that it is found there.
    examples: [generatedExample(row.wrong, row.right[0]!), ...(row.example ? [ownExample(row)] : [])]
  }
}

function packText(name: string, source: string, entries: Entry[]): string {
  return `# Imported from ${source} by \`postedit pack import\`; edit the glossary and import again.\n${stringify(
    {pack: name, description: `House glossary imported from ${source}.`, entries},
    {lineWidth: 0}
  )}`
}

/** The pack's own loader (schema, semantics, self-test) on `entries`; the problem, if any. */
function loaderProblem(name: string, source: string, entries: Entry[]): PackError | undefined {
  try {
    verifyPack(parsePack(packText(name, source, entries), source))
    return undefined
  } catch (error) {
    if (error instanceof PackError) return error
    throw error
  }
}

/** The problem of a loader error, without the YAML place (which means nothing to the glossary's author). */
const reasonOf = (error: PackError) => error.message.slice(`${error.file}:${error.line}:${error.column}: `.length).replace(/^`[^`]+`: /, '')

/**
 * Turn a glossary spreadsheet (CSV or TSV: wrong form, right form, note,
 * and optionally an example sentence; a header row is optional) into a rule pack. Every line is checked, and every
 * problem is reported with its line, all at once: CSV syntax, missing or
 * identical forms, repeated wrong forms, and whatever the normal pack loader
 * (schema and self-test) refuses. Rows have no examples, so each entry gets
 * a generated one, which the loader then tests.
 */
export function importGlossary(text: string, file: string): GlossaryImport {
  const problems: GlossaryProblem[] = []
  const records = parseCsv(text.replace(/^\uFEFF/, ''), {
    delimiter: delimiterOf(file, text),
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    skip_records_with_error: true,
    on_skip: (error: {message: string; lines?: number} | undefined) => {
      if (error) problems.push({line: error.lines ?? 0, problem: `not valid CSV: ${error.message.replace(/ at line \d+/, '')}`})
    }
  }) as unknown as Array<{record: string[]; info: {lines: number}}>

  const rows: Row[] = []
  const firstLine = new Map<string, number>()
  for (const [index, {record, info}] of records.entries()) {
    // csv-parse counts lines to the end of the record; a quoted cell may span several.
    const line = info.lines - record.reduce((count, cell) => count + cell.split('\n').length - 1, 0)
    const [wrong = '', right = '', note = '', example = ''] = record
    if (record.every((cell) => cell === '') || wrong.startsWith('#')) continue
    if (index === 0 && HEADER.test(wrong)) continue
    if (record.length > 4 && record.slice(4).some((cell) => cell !== '')) {
      problems.push({line, problem: `${record.length} columns; a glossary has at most four: wrong form, right form, note, example`})
      continue
    }
    if (wrong === '') {
      problems.push({line, problem: 'no wrong form in the first column'})
      continue
    }
    const forms = right.split(ALTERNATIVES).filter((form) => form !== '')
    if (forms.length === 0) {
      problems.push({line, problem: `no right form for “${wrong}” in the second column`})
      continue
    }
    if (forms.some((form) => form.toLowerCase() === wrong.toLowerCase())) {
      problems.push({line, problem: `the right form of “${wrong}” is the wrong form itself`})
      continue
    }
    const key = wrong.toLowerCase().replace(/\s+/g, ' ')
    const earlier = firstLine.get(key)
    if (earlier !== undefined) {
      problems.push({line, problem: `“${wrong}” is already on line ${earlier}`})
      continue
    }
    if (example !== '' && !example.toLowerCase().includes(wrong.toLowerCase())) {
      problems.push({line, problem: `the example does not hold “${wrong}”`})
      continue
    }
    firstLine.set(key, line)
    rows.push({line, wrong, right: forms, note, example})
  }

  const name = slug(basename(file, extname(file))).replace(/^[^a-z]+/, '') || 'house'
  const source = basename(file)
  const ids = new Set<string>()
  const entries: Array<{row: Row; entry: Entry}> = []
  for (const row of rows) {
    let id = slug(row.wrong)
    for (let suffix = 2; ids.has(id); suffix++) id = `${slug(row.wrong)}-${suffix}`
    ids.add(id)
    const entry = entryOf(row, id)
    // Each entry alone first, so every bad line is named, not only the first.
    const problem = loaderProblem(name, source, [entry])
    if (problem) problems.push({line: row.line, problem: reasonOf(problem)})
    else entries.push({row, entry})
  }
  // Then together: one entry's phrase may catch another's example.
  let kept = entries
  for (let problem = loaderProblem(name, source, kept.map((item) => item.entry)); problem; problem = loaderProblem(name, source, kept.map((item) => item.entry))) {
    const culprit = kept.find((item) => problem!.message.includes(`\`${name}.${item.entry.id}\``))
    if (!culprit) {
      problems.push({line: 0, problem: reasonOf(problem)})
      break
    }
    problems.push({line: culprit.row.line, problem: `with the rest of the glossary: ${reasonOf(problem)}`})
    kept = kept.filter((item) => item !== culprit)
  }

  problems.sort((a, b) => a.line - b.line)
  const finalEntries = kept.map((item) => item.entry)
  if (finalEntries.length === 0 && problems.length === 0) problems.push({line: 0, problem: 'no glossary entries'})
  return {yaml: problems.length === 0 ? packText(name, source, finalEntries) : undefined, problems, entries: finalEntries.length}
}
