import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, relative, resolve} from 'node:path'
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {load as loadYaml} from 'js-yaml'
import {lilconfig, type Loader} from 'lilconfig'
import picomatch from 'picomatch'
import type {RuleSetting} from '../engine/adjust.js'

const require = createRequire(import.meta.url)

/** A configuration problem, naming the file and the key. */
export class ConfigError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'ConfigError'
  }
}

interface Settings {
  packs?: string[]
  names?: string[]
  rules?: Record<string, RuleSetting>
  words?: string[]
  phrases?: string[]
  dictionary?: 'en' | 'en-US' | 'en-GB'
}

/** A configuration file as written. */
export interface Config extends Settings {
  overrides?: Array<Settings & {files: string | string[]}>
}

/** A configuration found for a folder, with where it came from. */
export interface LoadedConfig {
  /** The file it was read from. */
  file: string
  config: Config
}

/** Settings that apply to one file, with paths made absolute. */
export interface ResolvedSettings {
  packs?: string[]
  names?: string[]
  rules: Record<string, RuleSetting>
  words: string[]
  phrases: string[]
  /** Spelling dictionary (`en-GB` for British spelling only). */
  dictionary?: 'en' | 'en-US' | 'en-GB'
  /** The configuration file they came from, if any. */
  file?: string
}

const yamlLoader: Loader = (_path, content) => loadYaml(content)

const searcher = lilconfig('postedit', {
  searchPlaces: ['package.json', '.posteditrc', '.posteditrc.json', '.posteditrc.yaml', '.posteditrc.yml', '.posteditrc.js', '.posteditrc.mjs', '.posteditrc.cjs'],
  loaders: {noExt: yamlLoader, '.yaml': yamlLoader, '.yml': yamlLoader}
})

let validator: ValidateFunction | undefined

function describe(error: ErrorObject): string {
  const key = error.instancePath.split('/').slice(1).join('.') || '(top level)'
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key \`${[key === '(top level)' ? '' : key, (error.params as {additionalProperty: string}).additionalProperty].filter(Boolean).join('.')}\``
    case 'enum':
      return `\`${key}\` must be one of ${(error.params as {allowedValues: unknown[]}).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}`
    case 'required':
      return `\`${key}\` needs \`${(error.params as {missingProperty: string}).missingProperty}\``
    default:
      return `\`${key}\` ${error.message ?? 'is not valid'}`
  }
}

/** Check a configuration against rules/config.schema.json. */
export function validateConfig(config: unknown, file: string): Config {
  validator ??= new Ajv({allErrors: false, strict: false}).compile(require('../../rules/config.schema.json') as object)
  if (!validator(config)) {
    const errors = [...(validator.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)
    throw new ConfigError(file, describe(errors[0]!))
  }
  return config as Config
}

async function checked(result: {filepath: string; config: unknown} | null): Promise<LoadedConfig | undefined> {
  if (!result) return undefined
  return {file: result.filepath, config: validateConfig(result.config ?? {}, result.filepath)}
}

/** Turn a loader failure (bad YAML, a throwing .js file) into a ConfigError. */
async function guarded<T>(file: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof ConfigError) throw error
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error)
    throw new ConfigError(file, `cannot be read: ${message}`)
  }
}

/** The configuration for files in `directory`: the closest one up the tree. */
export async function findConfig(directory: string): Promise<LoadedConfig | undefined> {
  return guarded(directory, async () => checked(await searcher.search(directory)))
}

/** The configuration in `file` (given with --config). */
export async function readConfig(file: string): Promise<LoadedConfig> {
  const path = resolve(file)
  try {
    readFileSync(path)
  } catch {
    throw new ConfigError(file, 'no such configuration file')
  }
  const loaded = await guarded(file, async () => checked(await searcher.load(path)))
  if (!loaded) throw new ConfigError(file, 'is empty')
  return loaded
}

/** Settings for `path` under `loaded`: the base settings, then each matching override. */
export function settingsFor(path: string, loaded: LoadedConfig | undefined): ResolvedSettings {
  const settings: ResolvedSettings = {rules: {}, words: [], phrases: []}
  if (!loaded) return settings
  settings.file = loaded.file
  const base = dirname(loaded.file)
  const layers: Settings[] = [loaded.config]
  const local = relative(base, resolve(path)).split('\\').join('/')
  for (const override of loaded.config.overrides ?? []) {
    if (picomatch([override.files].flat(), {dot: true})(local)) layers.push(override)
  }
  for (const layer of layers) {
    if (layer.packs) settings.packs = layer.packs.map((pack) => (pack === 'default' ? pack : resolve(base, pack)))
    if (layer.names) settings.names = layer.names.map((names) => (names === 'default' ? names : resolve(base, names)))
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      // A later layer's family setting outranks an earlier layer's setting for a member.
      for (const key of Object.keys(settings.rules)) if (key.startsWith(`${id}.`)) delete settings.rules[key]
      settings.rules[id] = setting
    }
    if (layer.dictionary) settings.dictionary = layer.dictionary
    settings.words.push(...(layer.words ?? []))
    settings.phrases.push(...(layer.phrases ?? []))
  }
  return settings
}
