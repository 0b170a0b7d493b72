import {VFile} from 'vfile'
import type {RuleSet} from '../packs/compile.js'
import {ruleCatalog} from '../rules/catalog.js'
import {NAME_STYLES} from '../names/style.js'

/**
 * Checks of what a library caller hands postedit. A wrong argument is a
 * programming error, so it is a `TypeError` that names the option and says
 * what was expected, thrown before any work: silently linting `"42"` or
 * ignoring a misspelled option would hide the mistake.
 */

const fail = (problem: string): never => {
  throw new TypeError(`postedit: ${problem}`)
}

/** A short description of a value for error messages: its type, not its (maybe huge) content. */
function kind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (value instanceof Uint8Array) return 'bytes'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'function') return 'a function'
  if (value === undefined) return 'undefined'
  return `a ${typeof value} ${String(value)}`
}

const decoder = new TextDecoder('utf-8', {ignoreBOM: true})

/** Whether `value` is a VFile, also one made by another copy of the vfile package. */
function isVFileLike(value: unknown): value is VFile {
  if (value instanceof VFile) return true
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<VFile>
  return Array.isArray(candidate.messages) && typeof candidate.message === 'function' && 'value' in candidate
}

/**
 * A fresh VFile with the text of `input` (a string, UTF-8 bytes or a VFile
 * holding either), so postedit never changes the caller's file: its messages,
 * value and data stay as they were.
 */
export function inputFile(input: unknown): VFile {
  if (typeof input === 'string') return new VFile({value: input})
  if (input instanceof Uint8Array) return new VFile({value: decoder.decode(input)})
  if (isVFileLike(input)) {
    const value = input.value
    let text: string
    if (typeof value === 'string') text = value
    else if (value instanceof Uint8Array) text = decoder.decode(value)
    else return fail(`the VFile's value must be a string or UTF-8 bytes, not ${kind(value)}`)
    const copy = new VFile({value: text, cwd: input.cwd})
    if (input.path) copy.path = input.path
    return copy
  }
  return fail(`input must be a string, a Uint8Array of UTF-8 text or a VFile, not ${kind(input)}`)
}

const SEVERITY_SETTINGS = new Set(['error', 'warning', 'info', 'off'])
const FORMATS = new Set(['text', 'markdown', 'html'])

type Check = (value: unknown, name: string) => void

const isBoolean: Check = (value, name) => {
  if (typeof value !== 'boolean') fail(`option \`${name}\` must be true or false, not ${kind(value)}`)
}

const isStringList: Check = (value, name) => {
  if (!Array.isArray(value)) fail(`option \`${name}\` must be an array of strings, not ${kind(value)}`)
  ;(value as unknown[]).forEach((item, index) => {
    if (typeof item !== 'string') fail(`option \`${name}\`[${index}] must be a string, not ${kind(item)}`)
  })
}

const CHECKS: Readonly<Record<string, Check>> = {
  fix: isBoolean,
  format: (value, name) => {
    if (typeof value !== 'string' || !FORMATS.has(value)) fail(`option \`${name}\` must be 'text', 'markdown' or 'html', not ${kind(value)}`)
  },
  packs: isStringList,
  names: isStringList,
  dictionary: (value, name) => {
    if (typeof value === 'string' ? !['en', 'en-US', 'en-GB'].includes(value) : typeof value !== 'object' || value === null || !('aff' in value) || !('dic' in value)) {
      fail(`option \`${name}\` must be 'en', 'en-US', 'en-GB' or a Hunspell dictionary ({aff, dic}), not ${kind(value)}`)
    }
  },
  style: (value, name) => {
    if (typeof value !== 'string' || !(NAME_STYLES as readonly string[]).includes(value)) fail(`option \`${name}\` must be one of ${NAME_STYLES.map((style) => `'${style}'`).join(', ')}, not ${kind(value)}`)
  },
  spelling: (value, name) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`option \`${name}\` must be an object ({max, allUnknown}), not ${kind(value)}`)
    for (const [key, setting] of Object.entries(value as object)) {
      if (key === 'max' ? !Number.isInteger(setting) || (setting as number) < 0 : key !== 'allUnknown' || typeof setting !== 'boolean') {
        fail(`option \`${name}.${key}\` must be ${key === 'max' ? 'a whole number of 0 or more' : key === 'allUnknown' ? 'true or false' : 'max or allUnknown'}, not ${kind(setting)}`)
      }
    }
  },
  disable: isStringList,
  words: isStringList,
  phrases: isStringList,
  severities: (value, name) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`option \`${name}\` must be an object of rule ids and severities, not ${kind(value)}`)
    for (const [id, setting] of Object.entries(value as object)) {
      if (typeof setting !== 'string' || !SEVERITY_SETTINGS.has(setting)) {
        fail(`option \`${name}\`: \`${id}\` must be 'error', 'warning', 'info' or 'off', not ${kind(setting)}`)
      }
    }
  },
  rules: (value, name) => {
    const rules = value as Partial<RuleSet> | null
    if (typeof rules !== 'object' || rules === null || !(rules.entries instanceof Map)) fail(`option \`${name}\` must be a rule set from loadRules(), not ${kind(value)}`)
  }
}

/**
 * Check the shape of `options`: an object (or nothing) whose keys are known
 * options with values of the right type. Throws a `TypeError` naming the
 * first wrong option.
 */
export function checkOptionShapes(options: unknown): void {
  if (options === undefined) return
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail(`options must be an object, not ${kind(options)}`)
  for (const [name, value] of Object.entries(options as object)) {
    const check = CHECKS[name]
    if (!check) fail(`unknown option \`${name}\` (known: ${Object.keys(CHECKS).join(', ')})`)
    if (value !== undefined) check!(value, name)
  }
}

const knownIds = new WeakMap<RuleSet, Set<string>>()

/** Every rule id of `rules` and every prefix of one up to a dot (packs, families, desks). */
function idsOf(rules: RuleSet): Set<string> {
  let ids = knownIds.get(rules)
  if (!ids) {
    ids = new Set()
    for (const id of ruleCatalog(rules).keys()) {
      ids.add(id)
      for (let dot = id.indexOf('.'); dot !== -1; dot = id.indexOf('.', dot + 1)) ids.add(id.slice(0, dot))
    }
    knownIds.set(rules, ids)
  }
  return ids
}

/**
 * Check that the rule ids of `disable` and `severities` name a rule, a pack
 * or a family of `rules`: a misspelled id would otherwise turn nothing off.
 */
export function checkRuleIds(rules: RuleSet, options: {disable?: readonly string[]; severities?: Readonly<Record<string, unknown>>}): void {
  // Most calls name no id: then the packs' entries are not read at all.
  if ((options.disable?.length ?? 0) === 0 && Object.keys(options.severities ?? {}).length === 0) return
  const ids = idsOf(rules)
  for (const id of options.disable ?? []) {
    if (!ids.has(id)) fail(`option \`disable\`: unknown rule id \`${id}\``)
  }
  for (const id of Object.keys(options.severities ?? {})) {
    if (!ids.has(id)) fail(`option \`severities\`: unknown rule id \`${id}\``)
  }
}
