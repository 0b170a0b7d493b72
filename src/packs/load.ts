import {readFileSync} from 'node:fs'
import type {ErrorObject} from 'ajv'
import {PackError} from '../infra/pack-error.js'
import {describeSchemaError} from '../infra/schema-errors.js'
import type {Pack} from './types.js'
import {lazyValidator, parseYaml, readDataText, validateAt, yamlLocator, type Path} from '../infra/yaml-data.js'

/** Slots an artifact pattern may use without a list (see `BUILT_IN_SLOTS` in compile.ts). */
const ARTIFACT_SLOTS = new Set(['place', 'person', 'date', 'time'])

export type {Path} from '../infra/yaml-data.js'

export {RULES_DIRECTORY} from '../infra/paths.js'

const validator = lazyValidator('../../rules/schema.json')

/** A sentence about the most specific schema error. */
const describe = (error: ErrorObject) => describeSchemaError(error, {top: 'the pack', keys: 'leaf', oneOf: 'give either `match` with `replace`, or `swap`'})

/** Read a pack file's text, or throw a {@link PackError} saying why not. */
export function readPackText(file: string): string {
  return readDataText(file, 'rule pack')
}

/** The pack's data as written, without the fields postedit adds. */
export type PackData = Omit<Pack, 'file' | 'locate'>

/** A pack from data already known to be valid (for example from the pack cache). */
export function packFromData(data: PackData, text: string, file: string): Pack {
  return {...data, file, locate: yamlLocator(text, file)}
}

/**
 * Parse and validate the text of a rule pack. Throws a {@link PackError}
 * naming the file, line and column of the first problem.
 */
export function parsePack(text: string, file: string): Pack {
  const data = parseYaml(text, file)
  const locate = yamlLocator(text, file)
  validateAt(data, validator(), locate, describe)
  const pack = {...(data as PackData), file, locate}
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
        if (entry.type === 'artifact' && ARTIFACT_SLOTS.has(slot)) continue
        if (!lists[slot]) fail([...path, entry.type === 'artifact' ? 'pattern' : 'match'], `unknown list \`{${slot}}\` (define it under \`lists\`)`)
      }
    }
    if (entry.type !== 'artifact') {
      const sensitive = entry.case === 'sensitive'
      phrases.forEach((phrase, phraseIndex) => {
        // The same words twice would silently shadow one another.
        const written = sensitive ? phrase : phrase.toLowerCase()
        const key = `${sensitive ? 'S' : 'I'}${/[^\p{L}\p{N} ]|  /u.test(written) ? written.replace(/[\s\-\u2010\u2011]+/g, ' ').replace(/[\u2019\u2018]/g, "'") : written}`
        const other = phraseOwners.get(key)
        if (other) {
          const path = entry.type === 'substitution' && entry.swap ? [...entryPath(index), 'swap', phrase] : [...entryPath(index), 'match', ...(Array.isArray(entry.match) ? [phraseIndex] : [])]
          fail(path, `phrase \`${phrase}\` is already matched by \`${other}\` (same words; a space, a hyphen and case do not make it different)`)
        }
        phraseOwners.set(key, entry.id === other ? other : entry.id)
      })
    }
    if (entry.type !== 'artifact') {
      const contextWord = (word: string) => /^[\p{L}\p{M}\p{N}]+$/u.test(word) || word === '#number' || word === '#capitalized' || word === '#ing'
      for (const side of ['next', 'previous'] as const) {
        ;(entry.unless?.[side] ?? []).forEach((word, wordIndex) => {
          if (!contextWord(word)) fail([...entryPath(index), 'unless', side, wordIndex], `\`unless.${side}\` takes single words; \`${word}\` would never match`)
        })
      }
      for (const side of ['next', 'previous', 'topic'] as const) {
        ;(entry.when?.[side] ?? []).forEach((word, wordIndex) => {
          if (!contextWord(word) || (side === 'topic' && word.startsWith('#'))) fail([...entryPath(index), 'when', side, wordIndex], `\`when.${side}\` takes single words; \`${word}\` would never match`)
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
