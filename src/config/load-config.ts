import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {basename, dirname, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ErrorObject, ValidateFunction} from 'ajv'
import {describeSchemaError} from '../infra/schema-errors.js'
import {yamlSchema} from '../infra/yaml-data.js'
import picomatch from 'picomatch'
import type {RuleSetting} from '../engine/adjust.js'
import type {NameStyle} from '../names/style.js'

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
  /** House style for names (see the `style` option of postedit). */
  style?: NameStyle
  rules?: Record<string, RuleSetting>
  words?: string[]
  phrases?: string[]
  dictionary?: 'en' | 'en-US' | 'en-GB'
  spelling?: SpellingSettings
}

/** Options of the spelling rule a configuration may set. */
export interface SpellingSettings {
  /** Most distinct unknown words per file that get suggestions. */
  max?: number
  /** Report every unknown word and name, not only those close to a known one. */
  allUnknown?: boolean
}

/** A configuration file as written. */
export interface Config extends Settings {
  /** Stop merging configuration files of parent folders. */
  root?: boolean
  overrides?: Array<Settings & {files: string | string[]}>
}

/** A configuration read from a file, with where it came from. */
export interface LoadedConfig {
  /** The file it was read from. */
  file: string
  config: Config
}

/** Settings that apply to one file, with paths made absolute. */
export interface ResolvedSettings {
  packs?: string[]
  names?: string[]
  style?: NameStyle
  rules: Record<string, RuleSetting>
  words: string[]
  phrases: string[]
  /** Spelling dictionary (`en-GB` for British spelling only). */
  dictionary?: 'en' | 'en-US' | 'en-GB'
  /** Spelling rule options, merged per key (the nearest file wins). */
  spelling?: SpellingSettings
  /** The configuration files they came from, farthest first. */
  files: string[]
}

/** File names looked for in each folder, in this order; the first found is the folder's configuration. */
export const CONFIG_FILES = ['package.json', '.posteditrc', '.posteditrc.json', '.posteditrc.yaml', '.posteditrc.yml', '.posteditrc.js', '.posteditrc.mjs', '.posteditrc.cjs']

let validator: ValidateFunction | undefined

/** Configuration errors name the key by its dotted path: they carry no line. */
const describe = (error: ErrorObject) => describeSchemaError(error, {top: '`(top level)`', keys: 'path'})

/** Check a configuration against rules/config.schema.json. */
export function validateConfig(config: unknown, file: string): Config {
  // Loaded on the first config file: a run without one never pays for ajv.
  validator ??= new (require('ajv') as typeof import('ajv')).Ajv({allErrors: false, strict: false}).compile(require('../../rules/config.schema.json') as object)
  if (!validator(config)) {
    const errors = [...(validator.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)
    throw new ConfigError(file, describe(errors[0]!))
  }
  return config as Config
}

const firstLine = (error: unknown) => (error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error))

/** The settings a configuration file holds (undefined: the file says nothing to postedit). */
async function parseConfigFile(file: string, warn: (message: string) => void): Promise<unknown> {
  const name = basename(file)
  if (name === 'package.json') {
    // Another tool's package.json: only its "postedit" field is ours, and a broken one is not our business.
    let data: unknown
    try {
      data = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      warn(`${file}: not read (${firstLine(error)}); its "postedit" settings, if any, are not applied`)
      return undefined
    }
    return data !== null && typeof data === 'object' && 'postedit' in data ? ((data as {postedit: unknown}).postedit ?? {}) : undefined
  }
  try {
    if (/\.[cm]?js$/.test(name)) {
      const module = (await import(pathToFileURL(file).href)) as {default?: unknown}
      return module.default ?? {}
    }
    const text = readFileSync(file, 'utf8')
    return (name.endsWith('.json') ? JSON.parse(text) : (require('js-yaml') as typeof import('js-yaml')).load(text, {schema: yamlSchema()})) ?? {}
  } catch (error) {
    throw new ConfigError(file, `cannot be read: ${firstLine(error)}`)
  }
}

/** Read and check one configuration file; undefined for a package.json with no "postedit" field. */
export async function loadConfigFile(file: string, warn: (message: string) => void = () => {}): Promise<LoadedConfig | undefined> {
  const config = await parseConfigFile(file, warn)
  if (config === undefined) return undefined
  return {file, config: validateConfig(config, file)}
}

/**
 * Finds the configuration files that apply to a folder: its own and each
 * parent folder's (up to the filesystem root, or a file with `root: true`),
 * each folder read once.
 */
export class ConfigSearch {
  private readonly own = new Map<string, Promise<LoadedConfig | undefined>>()
  private readonly chains = new Map<string, Promise<LoadedConfig[]>>()

  /** @param warn told about files that are skipped (a broken package.json) */
  constructor(private readonly warn: (message: string) => void = () => {}) {}

  private ownConfig(directory: string): Promise<LoadedConfig | undefined> {
    let found = this.own.get(directory)
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILES) {
          const file = resolve(directory, name)
          if (!existsSync(file)) continue
          const loaded = await loadConfigFile(file, this.warn)
          if (loaded) return loaded
        }
        return undefined
      })()
      this.own.set(directory, found)
    }
    return found
  }

  /** The configurations for files in `directory`, farthest first, nearest last. */
  chain(directory: string): Promise<LoadedConfig[]> {
    let chain = this.chains.get(directory)
    if (!chain) {
      chain = (async () => {
        const own = await this.ownConfig(directory)
        const parent = dirname(directory)
        const above = own?.config.root || parent === directory ? [] : await this.chain(parent)
        return own ? [...above, own] : above
      })()
      this.chains.set(directory, chain)
    }
    return chain
  }
}

/** The configuration in `file` (given with --config). */
export async function readConfig(file: string): Promise<LoadedConfig> {
  const path = resolve(file)
  if (!existsSync(path)) throw new ConfigError(file, 'no such configuration file')
  const loaded = await loadConfigFile(path)
  if (!loaded) throw new ConfigError(file, 'has no "postedit" field')
  return loaded
}

/** Every rule id a configuration file names (its own and its overrides'). */
export function ruleIdsOf(loaded: LoadedConfig): string[] {
  return [loaded.config, ...(loaded.config.overrides ?? [])].flatMap((layer) => Object.keys(layer.rules ?? {}))
}

/**
 * Settings for `path` under `chain` (farthest configuration first): each
 * file's base settings then its matching overrides, the nearer file on top.
 * So the nearest file wins per key: `packs` and `names` are replaced, `rules`
 * are merged per id (a family setting outranks an earlier setting of a member),
 * `words` and `phrases` add up.
 */
export function settingsFor(path: string, chain: readonly LoadedConfig[]): ResolvedSettings {
  const settings: ResolvedSettings = {rules: {}, words: [], phrases: [], files: chain.map((loaded) => loaded.file)}
  for (const loaded of chain) {
    const base = dirname(loaded.file)
    const layers: Settings[] = [loaded.config]
    const local = relative(base, resolve(path)).split('\\').join('/')
    for (const override of loaded.config.overrides ?? []) {
      if (picomatch([override.files].flat(), {dot: true})(local)) layers.push(override)
    }
    for (const layer of layers) {
      if (layer.packs) settings.packs = layer.packs.map((pack) => (pack === 'default' ? pack : resolve(base, pack)))
      if (layer.style) settings.style = layer.style
      if (layer.names) settings.names = layer.names.map((names) => (names === 'default' ? names : resolve(base, names)))
      for (const [id, setting] of Object.entries(layer.rules ?? {})) {
        for (const key of Object.keys(settings.rules)) if (key.startsWith(`${id}.`)) delete settings.rules[key]
        settings.rules[id] = setting
      }
      settings.words.push(...(layer.words ?? []))
      settings.phrases.push(...(layer.phrases ?? []))
      if (layer.dictionary) settings.dictionary = layer.dictionary
      if (layer.spelling) settings.spelling = {...settings.spelling, ...layer.spelling}
    }
  }
  return settings
}
