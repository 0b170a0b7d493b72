import {readdirSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import type {Document, LineCounter} from 'yaml'
import {PackError} from './pack-error.js'

const require = createRequire(import.meta.url)

/**
 * What packs and gazetteers share: YAML data files that editors write,
 * read fast, validated against a JSON Schema, with every problem pointed
 * at by file, line and column.
 */

/** Where in a data file something was written, for error messages. */
export interface SourcePlace {
  file: string
  line: number
  column: number
}

/**
 * The one YAML schema for every file postedit reads (packs, gazetteers,
 * configuration): YAML 1.2's JSON schema, so only `true` and `false` are
 * booleans and `yes`, `no`, `on`, `off` are the strings they look like, in
 * every file alike.
 */
export const yamlSchema = () => (require('js-yaml') as typeof import('js-yaml')).JSON_SCHEMA

/** Keys and indexes from the top of a YAML file to a value. */
export type Path = Array<string | number>

/** Read a data file's text, or throw a {@link PackError} saying why not (`what`: "rule pack"). */
export function readDataText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new PackError(file, 1, 1, `cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/** The YAML files a spec names: a file, or the `.yml`/`.yaml` files of a folder, sorted. */
export function yamlFilesAt(path: string, what: string): string[] {
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new PackError(path, 1, 1, `no such ${what} file or folder`)
  }
  if (!stats.isDirectory()) return [path]
  return readdirSync(path)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(path, name))
}

/**
 * Parse YAML text (js-yaml: several times faster than a position-keeping
 * parser). The JSON schema keeps `yes`, `no`, `on` and dates as the strings
 * an editor wrote, and spares resolving them.
 */
export function parseYaml(text: string, file: string): unknown {
  // Loaded on first use: a run whose packs all come from the cache never parses YAML.
  const {load: loadYaml, YAMLException} = require('js-yaml') as typeof import('js-yaml')
  try {
    return loadYaml(text, {filename: file, schema: yamlSchema()})
  } catch (error) {
    if (error instanceof YAMLException) throw new PackError(file, error.mark.line + 1, error.mark.column + 1, error.reason)
    throw error
  }
}

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

/**
 * A lazy locator of YAML paths in `text`: the position-keeping parser (the
 * `yaml` package) is slow on large files, so it is loaded and run only when
 * there is an error to point at.
 */
export function yamlLocator(text: string, file: string): (path: Path) => SourcePlace {
  let parsed: {document: Document; counter: LineCounter} | undefined
  return (path) => {
    if (!parsed) {
      const yaml = require('yaml') as typeof import('yaml')
      const counter = new yaml.LineCounter()
      parsed = {document: yaml.parseDocument(text, {lineCounter: counter, prettyErrors: false}), counter}
    }
    return placeOf(parsed.document, parsed.counter, file, path)
  }
}

/** The path a JSON pointer (`/entries/3/match`) names. */
export function pathOf(pointer: string): Path {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** A validator for the JSON Schema at `schemaPath` (relative to this module), compiled on first use. */
export function lazyValidator(schemaPath: string): () => ValidateFunction {
  let validator: ValidateFunction | undefined
  return () => {
    // ajv is loaded only when a file is not in the validated-file cache.
    validator ??= new (require('ajv') as typeof import('ajv')).Ajv({allErrors: false, strict: false}).compile(require(schemaPath) as object)
    return validator
  }
}

/**
 * Validate `data` with `validator`; on failure throw a {@link PackError} at
 * the most specific error, described by `describe`.
 */
export function validateAt(data: unknown, validator: ValidateFunction, locate: (path: Path) => SourcePlace, describe: (error: ErrorObject) => string): void {
  if (validator(data)) return
  // The deepest error is the one an editor can act on.
  const error = [...(validator.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!
  const place = locate(pathOf(error.instancePath))
  throw new PackError(place.file, place.line, place.column, describe(error))
}
