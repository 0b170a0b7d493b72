import {readdirSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ValidateFunction} from 'ajv'
import type {Document, LineCounter} from 'yaml'
import {load as loadYaml, YAMLException} from 'js-yaml'
import {PackError} from '../packs/pack-error.js'

const require = createRequire(import.meta.url)

/** Folder of the gazetteer files shipped with postedit. */
export const NAMES_DIRECTORY = fileURLToPath(new URL('../../rules/names/', import.meta.url))

/** What an entity is. */
export type EntityKind = 'person' | 'place' | 'region' | 'group'

/** One person, place or group as written in a gazetteer file. */
export interface EntityData {
  name: string
  kind?: EntityKind
  country?: string
  context?: string[]
  variants?: string[]
  accept?: string[]
  short?: string[]
  note?: string
}

/** A gazetteer file, validated. */
export interface GazetteerFile {
  gazetteer: string
  description: string
  credit?: string
  kind?: EntityKind
  override?: boolean
  /** Entities, each with its number in the file (1-based). */
  entities: Array<EntityData & {line: number}>
  file: string
}

let validator: ValidateFunction | undefined

function validate(): ValidateFunction {
  if (!validator) {
    const schema = require('../../rules/names/schema.json') as object
    validator = new (require('ajv') as typeof import('ajv')).Ajv({allErrors: false, strict: false}).compile(schema)
  }
  return validator
}

type Path = Array<string | number>

function lineOf(document: Document, counter: LineCounter, path: Path): {line: number; col: number} {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as {range?: [number, number, number]} | undefined
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0])
  }
  return {line: 1, col: 1}
}

/** A lazy locator of YAML paths: the position-keeping parser only runs to report an error. */
function locator(text: string): (path: Path) => {line: number; col: number} {
  let parsed: {document: Document; counter: LineCounter} | undefined
  return (path) => {
    if (!parsed) {
      // Loaded only here: the position-keeping parser is needed only to point at an error.
      const yaml = require('yaml') as typeof import('yaml')
      const counter = new yaml.LineCounter()
      parsed = {document: yaml.parseDocument(text, {lineCounter: counter, prettyErrors: false}), counter}
    }
    return lineOf(parsed.document, parsed.counter, path)
  }
}

/**
 * Read and validate one gazetteer file. Throws a {@link PackError}
 * (`file:line:column: problem`) for the first problem found.
 */
export function readGazetteer(file: string): GazetteerFile {
  return parseGazetteer(readGazetteerText(file), file)
}

/** A gazetteer file's text, or a {@link PackError} saying why it cannot be read. */
export function readGazetteerText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new PackError(file, 1, 1, `cannot read gazetteer (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/** Parse and validate the text of a gazetteer file (see {@link readGazetteer}). */
export function parseGazetteer(text: string, file: string): GazetteerFile {
  let data: unknown
  try {
    // js-yaml is several times faster than the position-keeping parser.
    data = loadYaml(text, {filename: file})
  } catch (error) {
    if (error instanceof YAMLException) throw new PackError(file, error.mark.line + 1, error.mark.column + 1, error.reason)
    throw error
  }
  const locate = locator(text)
  const check = validate()
  if (!check(data)) {
    const error = [...(check.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!
    const path: Path = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    const {line, col} = locate(path)
    const extra = error.keyword === 'additionalProperties' ? ` \`${(error.params as {additionalProperty: string}).additionalProperty}\`` : ''
    throw new PackError(file, line, col, `${error.instancePath || 'gazetteer'} ${error.message ?? 'is not valid'}${extra}`)
  }
  const gazetteer = data as Omit<GazetteerFile, 'file'>
  const seen = new Map<string, number>()
  gazetteer.entities.forEach((entity, index) => {
    // Entries are numbered; the line is looked up only for an error.
    entity.line = index + 1
    const fail = (problem: string): never => {
      const {line, col} = locate(['entities', index])
      throw new PackError(file, line, col, problem)
    }
    const previous = seen.get(entity.name)
    if (previous !== undefined) fail(`duplicate entity \`${entity.name}\` (first at line ${locate(['entities', previous]).line})`)
    seen.set(entity.name, index)
    for (const variant of entity.variants ?? []) {
      if (variant === entity.name) fail(`\`${variant}\` is both the name and a variant`)
    }
  })
  return {...gazetteer, file}
}

/** The gazetteer files a spec names: `default`, a YAML file, or a folder of them. */
export function gazetteerFiles(spec: string, cwd = process.cwd()): string[] {
  const path = spec === 'default' ? NAMES_DIRECTORY : resolve(cwd, spec)
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new PackError(path, 1, 1, 'no such gazetteer file or folder')
  }
  if (!stats.isDirectory()) return [path]
  return readdirSync(path)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(path, name))
}
