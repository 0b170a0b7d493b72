import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {ErrorObject, ValidateFunction} from 'ajv'
import type {Document, LineCounter} from 'yaml'
import {load as loadYaml, YAMLException} from 'js-yaml'
import {PackError} from './pack-error.js'
import type {Pack, SourcePlace} from './types.js'

const require = createRequire(import.meta.url)

/** Folder of the packs shipped with postedit. */
export const RULES_DIRECTORY = fileURLToPath(new URL('../../rules/', import.meta.url))

let validator: ValidateFunction | undefined

/** The JSON Schema validator, compiled once per process. */
function validate(): ValidateFunction {
  if (!validator) {
    const schema = require('../../rules/schema.json') as object
    validator = new (require('ajv') as typeof import('ajv')).Ajv({allErrors: false, strict: false}).compile(schema)
  }
  return validator
}

/** Keys and indexes from the top of a pack to a value. */
export type Path = Array<string | number>

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
 * A lazy locator of YAML paths in `text`: the position-keeping parser is
 * slow on large packs, so it only runs when there is an error to point at.
 */
function locator(text: string, file: string): (path: Path) => SourcePlace {
  let parsed: {document: Document; counter: LineCounter} | undefined
  return (path) => {
    if (!parsed) {
      // Loaded only here: the position-keeping parser is needed only to point at an error.
      const yaml = require('yaml') as typeof import('yaml')
      const counter = new yaml.LineCounter()
      parsed = {document: yaml.parseDocument(text, {lineCounter: counter, prettyErrors: false}), counter}
    }
    return placeOf(parsed.document, parsed.counter, file, path)
  }
}

/** Read a pack file's text, or throw a {@link PackError} saying why not. */
export function readPackText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new PackError(file, 1, 1, `cannot read rule pack (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/** The pack's data as written, without the fields postedit adds. */
export type PackData = Omit<Pack, 'file' | 'locate'>

/** A pack from data already known to be valid (for example from the pack cache). */
export function packFromData(data: PackData, text: string, file: string): Pack {
  return {...data, file, locate: locator(text, file)}
}

/**
 * Parse and validate the text of a rule pack. Throws a {@link PackError}
 * naming the file, line and column of the first problem.
 */
export function parsePack(text: string, file: string): Pack {
  let data: unknown
  try {
    // js-yaml is several times faster than the position-keeping parser on large packs.
    data = loadYaml(text, {filename: file})
  } catch (error) {
    if (error instanceof YAMLException) {
      throw new PackError(file, error.mark.line + 1, error.mark.column + 1, error.reason)
    }
    throw error
  }
  const locate = locator(text, file)
  const check = validate()
  if (!check(data)) {
    const errors = check.errors ?? []
    // The deepest error is the one an editor can act on.
    const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!
    const place = locate(pathOf(error.instancePath))
    throw new PackError(file, place.line, place.column, describe(error))
  }
  const pack = packFromData(data as PackData, text, file)
  checkSemantics(pack)
  return pack
}

/** Read, parse and validate one rule pack file (see {@link parsePack}). */
export function readPack(file: string): Pack {
  return parsePack(readPackText(file), file)
}

/** Text of the schema, part of what a cached pack's validity depends on. */
export function schemaText(): string {
  return readFileSync(new URL('../../rules/schema.json', import.meta.url), 'utf8')
}

/** Rules the schema cannot say: unique ids, known lists, sound patterns. */
function checkSemantics(pack: Pack): void {
  const seen = new Map<string, number>()
  const phraseOwners = new Map<string, string>()
  const entryPath = (index: number): Path => ['entries', index]
  const fail = (path: Path, problem: string): never => {
    const place = pack.locate(path)
    throw new PackError(pack.file, place.line, place.column, problem)
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
    if (entry.type !== 'artifact') {
      const sensitive = entry.case === 'sensitive'
      phrases.forEach((phrase, phraseIndex) => {
        // The same words twice would silently shadow one another.
        const key = `${sensitive ? 'S' : 'I'}${(sensitive ? phrase : phrase.toLowerCase()).replace(/[\s\-\u2010\u2011]+/g, ' ').replace(/[\u2019\u2018]/g, "'")}`
        const other = phraseOwners.get(key)
        if (other) {
          const path = entry.type === 'substitution' && entry.swap ? [...entryPath(index), 'swap', phrase] : [...entryPath(index), 'match', ...(Array.isArray(entry.match) ? [phraseIndex] : [])]
          fail(path, `phrase \`${phrase}\` is already matched by \`${other}\` (same words; a space, a hyphen and case do not make it different)`)
        }
        phraseOwners.set(key, entry.id === other ? other : entry.id)
      })
    }
    if (entry.type !== 'artifact') {
      for (const side of ['next', 'previous'] as const) {
        ;(entry.unless?.[side] ?? []).forEach((word, wordIndex) => {
          if (!/^[\p{L}\p{M}\p{N}]+$/u.test(word)) fail([...entryPath(index), 'unless', side, wordIndex], `\`unless.${side}\` takes single words; \`${word}\` would never match`)
        })
      }
    }
    if (entry.type === 'substitution') {
      const pairs = entry.swap ? Object.entries(entry.swap) : [entry.match ?? []].flat().map((phrase) => [phrase, [entry.replace ?? []].flat().join(' ')] as const)
      for (const [phrase, replacement] of pairs) {
        const have = new Set(slotsOf(phrase))
        const missing = slotsOf(replacement).find((slot) => !have.has(slot))
        if (missing) fail([...entryPath(index), entry.swap ? 'swap' : 'replace'], `the replacement uses \`{${missing}}\`, which the phrase \`${phrase}\` does not have`)
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
