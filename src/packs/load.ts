import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {LineCounter, parseDocument, type Document} from 'yaml'
import {PackError} from './pack-error.js'
import type {Pack, PackEntry, SourcePlace} from './types.js'

const require = createRequire(import.meta.url)

/** Folder of the packs shipped with postedit. */
export const RULES_DIRECTORY = fileURLToPath(new URL('../../rules/', import.meta.url))

let validator: ValidateFunction | undefined

/** The JSON Schema validator, compiled once per process. */
function validate(): ValidateFunction {
  if (!validator) {
    const schema = require('../../rules/schema.json') as object
    validator = new Ajv({allErrors: false, strict: false}).compile(schema)
  }
  return validator
}

type Path = Array<string | number>

/** Position of the YAML node at `path`, or of its closest ancestor. */
function placeOf(document: Document, counter: LineCounter, file: string, path: Path): SourcePlace {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as {range?: [number, number, number]} | undefined
    if (node && typeof node === 'object' && node.range) {
      const {line, col} = counter.linePos(node.range[0])
      return {file, line, column: col}
    }
  }
  return {file, line: 1, column: 1}
}

function pathOf(pointer: string): Path {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** A sentence about the most specific schema error. */
function describe(error: ErrorObject): string {
  const where = error.instancePath ? `\`${error.instancePath.split('/').pop()}\`` : 'the pack'
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key \`${(error.params as {additionalProperty: string}).additionalProperty}\``
    case 'required':
      return `missing key \`${(error.params as {missingProperty: string}).missingProperty}\``
    case 'enum':
      return `${where} must be one of ${(error.params as {allowedValues: unknown[]}).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}`
    case 'oneOf':
      return `${where}: give either \`match\` with \`replace\`, or \`swap\``
    default:
      return `${where} ${error.message ?? 'is not valid'}`
  }
}

/**
 * Read and validate one rule pack. Throws a {@link PackError} naming the file,
 * line and column of the first problem.
 */
export function readPack(file: string): Pack {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new PackError(file, 1, 1, `cannot read rule pack (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  const counter = new LineCounter()
  const document = parseDocument(text, {lineCounter: counter, prettyErrors: false, uniqueKeys: true})
  const syntax = document.errors[0]
  if (syntax) {
    const {line, col} = counter.linePos(syntax.pos[0])
    throw new PackError(file, line, col, syntax.message.split('\n')[0] ?? 'invalid YAML')
  }
  const data = document.toJS() as unknown
  const check = validate()
  if (!check(data)) {
    const errors = check.errors ?? []
    // The deepest error is the one an editor can act on.
    const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!
    const path = pathOf(error.instancePath)
    const place = placeOf(document, counter, file, path)
    throw new PackError(file, place.line, place.column, describe(error))
  }
  const pack = data as Omit<Pack, 'file'>
  pack.entries.forEach((entry: PackEntry, index: number) => {
    entry.place = placeOf(document, counter, file, ['entries', index])
  })
  checkSemantics(pack, document, counter, file)
  return {...pack, file}
}

/** Rules the schema cannot say: unique ids, known lists, sound patterns. */
function checkSemantics(pack: Omit<Pack, 'file'>, document: Document, counter: LineCounter, file: string): void {
  const seen = new Map<string, number>()
  const fail = (path: Path, problem: string): never => {
    const place = placeOf(document, counter, file, path)
    throw new PackError(file, place.line, place.column, problem)
  }
  const lists = pack.lists ?? {}
  const slotsOf = (text: string) => [...text.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((m) => m[1]!)
  pack.entries.forEach((entry, index) => {
    const path: Path = ['entries', index]
    const previous = seen.get(entry.id)
    if (previous !== undefined) fail([...path, 'id'], `duplicate id \`${entry.id}\` (first used by entry ${previous + 1})`)
    seen.set(entry.id, index)
    const phrases: string[] =
      entry.type === 'substitution'
        ? entry.swap
          ? Object.keys(entry.swap)
          : [entry.match ?? []].flat()
        : entry.type === 'existence'
          ? [entry.match].flat()
          : [entry.pattern].flat()
    for (const phrase of phrases) {
      for (const slot of slotsOf(phrase)) {
        if (entry.type === 'artifact' && slot === 'place') continue
        if (!lists[slot]) fail([...path, entry.type === 'artifact' ? 'pattern' : 'match'], `unknown list \`{${slot}}\` (define it under \`lists\`)`)
      }
    }
    if (entry.type === 'substitution') {
      const replacements = [entry.replace ?? []].flat()
      if (entry.fix === 'auto' && replacements.length > 1) fail([...path, 'fix'], '`fix: auto` needs exactly one replacement; several can only be suggested')
      entry.examples.forEach((example, exampleIndex) => {
        if (example.out === undefined) fail([...path, 'examples', exampleIndex], 'a substitution example needs `out`')
      })
    }
    if (entry.type === 'artifact') {
      ;[entry.pattern].flat().forEach((pattern, patternIndex) => {
        try {
          new RegExp(pattern.replace(/\{[a-z][a-z0-9-]*\}/g, 'x'), 'u')
        } catch (error) {
          fail([...path, 'pattern', ...(Array.isArray(entry.pattern) ? [patternIndex] : [])], `invalid pattern: ${(error as Error).message}`)
        }
      })
    }
  })
}
