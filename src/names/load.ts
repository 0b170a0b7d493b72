import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {PackError} from '../infra/pack-error.js'
import {describeSchemaError} from '../infra/schema-errors.js'
import {lazyValidator, parseYaml, readDataText, validateAt, yamlFilesAt, yamlLocator} from '../infra/yaml-data.js'

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
  /** The Reuters spelling where it differs from `name` (the AP one). */
  reuters?: string
  /** Spellings that probably mean this entity: suggested, never fixed. */
  suggest?: string[]
  short?: string[]
  /** The name in Arabic script: its romanisations are variants (see arabic-name.ts). */
  arabic?: string[]
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

const validator = lazyValidator('../../rules/names/schema.json')

/**
 * Read and validate one gazetteer file. Throws a {@link PackError}
 * (`file:line:column: problem`) for the first problem found.
 */
export function readGazetteer(file: string): GazetteerFile {
  return parseGazetteer(readGazetteerText(file), file)
}

/** A gazetteer file's text, or a {@link PackError} saying why it cannot be read. */
export function readGazetteerText(file: string): string {
  return readDataText(file, 'gazetteer')
}

/** Parse and validate the text of a gazetteer file (see {@link readGazetteer}). */
export function parseGazetteer(text: string, file: string): GazetteerFile {
  const data = parseYaml(text, file)
  const locate = yamlLocator(text, file)
  validateAt(data, validator(), locate, (error) => describeSchemaError(error, {top: 'the gazetteer', keys: 'leaf'}))
  const gazetteer = data as Omit<GazetteerFile, 'file'>
  const seen = new Map<string, number>()
  gazetteer.entities.forEach((entity, index) => {
    // Entries are numbered; the line is looked up only for an error.
    entity.line = index + 1
    const fail = (problem: string): never => {
      const {line, column} = locate(['entities', index])
      throw new PackError(file, line, column, problem)
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
  return yamlFilesAt(spec === 'default' ? NAMES_DIRECTORY : resolve(cwd, spec), 'gazetteer')
}
