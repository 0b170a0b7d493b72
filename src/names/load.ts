import {readdirSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv, type ValidateFunction} from 'ajv'
import {LineCounter, parseDocument, type Document} from 'yaml'
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
  entities: Array<EntityData & {line: number}>
  file: string
}

let validator: ValidateFunction | undefined

function validate(): ValidateFunction {
  if (!validator) {
    const schema = require('../../rules/names/schema.json') as object
    validator = new Ajv({allErrors: false, strict: false}).compile(schema)
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

/**
 * Read and validate one gazetteer file. Throws a {@link PackError}
 * (`file:line:column: problem`) for the first problem found.
 */
export function readGazetteer(file: string): GazetteerFile {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new PackError(file, 1, 1, `cannot read gazetteer (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
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
    const error = [...(check.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!
    const path: Path = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    const {line, col} = lineOf(document, counter, path)
    const extra = error.keyword === 'additionalProperties' ? ` \`${(error.params as {additionalProperty: string}).additionalProperty}\`` : ''
    throw new PackError(file, line, col, `${error.instancePath || 'gazetteer'} ${error.message ?? 'is not valid'}${extra}`)
  }
  const gazetteer = data as Omit<GazetteerFile, 'file'>
  const seen = new Map<string, number>()
  gazetteer.entities.forEach((entity, index) => {
    const {line, col} = lineOf(document, counter, ['entities', index])
    entity.line = line
    const previous = seen.get(entity.name)
    if (previous !== undefined) throw new PackError(file, line, col, `duplicate entity \`${entity.name}\` (first on line ${previous})`)
    seen.set(entity.name, line)
    for (const variant of entity.variants ?? []) {
      if (variant === entity.name) throw new PackError(file, line, col, `\`${variant}\` is both the name and a variant`)
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
