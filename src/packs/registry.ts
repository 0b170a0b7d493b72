import {readFileSync, statSync} from 'node:fs'
import {deserialize, serialize} from 'node:v8'
import {join, resolve} from 'node:path'
import {bundledData, notBundled, type BundledData} from '../infra/bundled-data.js'
import {compilePacks, type ArtifactRule, type RuleSet} from './compile.js'
import {cacheKey, sharedCache, SNAPSHOT_FORMAT} from '../infra/cache.js'
import {entityIndex, rememberEntityIndex, type EntityIndex} from './entities.js'
import {packFromData, parsePack, readPackText, RULES_DIRECTORY, schemaText, type PackData} from './load.js'
import {PackError} from '../infra/pack-error.js'
import type {Pack} from './types.js'
import {readPhrases, storePhrases, type StoredPhrases} from './stored-phrases.js'
import {refixProblem, verifyPack} from './verify.js'
import {yamlFilesAt} from '../infra/yaml-data.js'
import {DataFileCache} from '../infra/data-freshness.js'
import {Held} from '../infra/held.js'

/** Name of the packs shipped with postedit, loaded when no packs are given. */
export const DEFAULT_PACKS = 'default'

const packCache = new Map<string, {mtimeMs: number; pack: Pack; key: string}>()
const setCache = new Map<string, RuleSet>()

/** The pack files a spec names: `default`, a YAML file, or a folder of them. */
export function packFiles(spec: string, cwd = process.cwd()): string[] {
  return yamlFilesAt(spec === DEFAULT_PACKS ? join(RULES_DIRECTORY, DEFAULT_PACKS) : resolve(cwd, spec), 'rule pack')
}

let engineVersion: string | undefined

/** Modules whose behaviour decides whether a pack passes: part of the cache key. */
const CHECKING_MODULES = ['load', '../infra/yaml-data', 'verify', 'compile', 'find', 'phrase-matcher', 'stored-phrases', '../infra/atoms', 'registry', 'entities']

/**
 * postedit's version and the text of the modules that validate and
 * self-test packs, so a changed check (even unreleased) misses the cache.
 */
function checkingCode(): string {
  const parts = [(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version]
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  for (const name of CHECKING_MODULES) {
    try {
      parts.push(readFileSync(new URL(`${name.startsWith('.') ? '' : './'}${name}.${extension}`, import.meta.url), 'utf8'))
    } catch {
      parts.push(name)
    }
  }
  return parts.join('\u0000')
}

/** Read, validate and self-test a pack file once per process (again only if it changed). */
function loadPack(file: string): Pack {
  const {mtimeMs} = statSync(file)
  const cached = packCache.get(file)
  if (cached && cached.mtimeMs === mtimeMs) return cached.pack
  const text = readPackText(file)
  engineVersion ??= checkingCode()
  const key = cacheKey(engineVersion, schemaText(), text)
  const data = sharedCache().get(key) as PackData | undefined
  let pack: Pack
  if (data) {
    pack = packFromData(data, text, file)
  } else {
    pack = parsePack(text, file)
    verifyPack(pack)
    const {file: _file, locate: _locate, ...plain} = pack
    sharedCache().set(key, plain)
  }
  packCache.set(file, {mtimeMs, pack, key})
  return pack
}

/**
 * A compiled rule set as stored in the cache: plain data, the matcher's
 * branches as bytes, and the entries (with their notes, examples and
 * guardrails: a tenth of a run's heap) as bytes read only when asked for.
 */
type RuleSetSnapshot = Omit<RuleSet, 'phrases' | 'entries' | 'artifacts'> & {
  phrases: StoredPhrases
  entries: Uint8Array
  artifacts: StoredArtifact[]
  entityIndex: EntityIndex
}

/** A boilerplate rule as stored: its patterns as source and flags (see {@link readArtifact}). */
type StoredArtifact = Omit<ArtifactRule, 'patterns'> & {patterns: Array<{source: string; flags: string}>}

/**
 * A stored boilerplate rule whose patterns are compiled when first read:
 * V8 parses a pattern to build it, and the longest (thousands of
 * characters of outlet names) made a third of the time a rule set took to
 * read back, for rules most articles never try.
 */
function readArtifact({patterns: sources, ...rest}: StoredArtifact): ArtifactRule {
  let patterns: RegExp[] | undefined
  return {
    ...rest,
    get patterns() {
      patterns ??= sources.map(({source, flags}) => new RegExp(source, flags))
      return patterns
    }
  }
}

/**
 * The snapshot key of a combination of pack files: their names and texts, the
 * schema, and the code that checks and compiles them.
 */
function snapshotKey(files: readonly string[]): string {
  engineVersion ??= checkingCode()
  return cacheKey('rule-set', SNAPSHOT_FORMAT, engineVersion, schemaText(), ...files.flatMap((file) => [file, readPackText(file)]))
}

/** The rule set of a snapshot, or undefined when there is none for these files. */
function fromSnapshot(key: string): RuleSet | undefined {
  const snapshot = sharedCache().getSnapshot(key) as RuleSetSnapshot | undefined
  if (!snapshot) return undefined
  const {entityIndex: index, phrases, entries: bytes, artifacts, ...rest} = snapshot
  // A copy: the bytes read back are a view of the whole file's buffer (see readPhrases).
  // Held: the startup snapshot keeps them beside it, for the runs that describe rules.
  const stored = new Held(bytes.slice())
  let entries: RuleSet['entries'] | undefined
  const rules: RuleSet = {
    ...rest,
    phrases: readPhrases(phrases),
    artifacts: artifacts.map(readArtifact),
    // Only reports that describe rules and checks of rule ids read them.
    get entries() {
      entries ??= deserialize(stored.value) as RuleSet['entries']
      return entries
    }
  }
  rememberEntityIndex(rules, index)
  return rules
}

/** Store a rule set that passed every check, as one structured-clone snapshot. */
function saveSnapshot(key: string, rules: RuleSet): void {
  const {phrases, vocabulary, entries, artifacts, ...rest} = rules
  // Plain data: the vocabulary getter's Set, the matcher's branches, and the
  // entity rule's index of the packs' organisations (built here once).
  const snapshot: RuleSetSnapshot = {
    ...rest,
    vocabulary,
    phrases: storePhrases(phrases),
    entries: new Uint8Array(serialize(entries)),
    artifacts: artifacts.map(({patterns, ...artifact}) => ({...artifact, patterns: patterns.map(({source, flags}) => ({source, flags}))})),
    entityIndex: entityIndex(rules)
  }
  sharedCache().setSnapshot(key, snapshot)
}

/**
 * Load and compile the packs named by `specs` (default: the shipped packs).
 * Compiled sets are cached per process, so every file of a run shares one
 * matcher, and across runs as a snapshot keyed by the packs' texts and the
 * code that checks and compiles them (reading it back costs a fraction of
 * validating and compiling some thousands of entries). Throws a
 * {@link PackError} for a pack that cannot be used.
 */
export function loadRules(specs: readonly string[] = [DEFAULT_PACKS], cwd?: string): RuleSet {
  const bundled = bundledData()
  if (bundled) return bundledRules(bundled, specs)
  return lookups.get(specs, cwd ?? process.cwd(), rulesOfFiles)
}

/** Rule sets by the specs and folder that named them, checked for edits as the data files' freshness allows. */
const lookups = new DataFileCache<RuleSet>(packFiles)

/** The rule set of `files` (`stamp` says which versions of them): remembered, from the snapshot, or compiled. */
function rulesOfFiles(files: readonly string[], stamp: string): RuleSet {
  let rules = setCache.get(stamp)
  if (rules) return rules
  const snapshot = snapshotKey(files)
  rules = fromSnapshot(snapshot)
  if (!rules) {
    const packs = files.map(loadPack)
    rules = compilePacks(packs)
    // Checked once per combination of packs, then remembered with the validated packs.
    const stable = cacheKey('stable-across-packs', ...files.map((file) => packCache.get(file)!.key))
    if (sharedCache().get(stable) !== true) {
      checkStableAcrossPacks(rules, packs)
      sharedCache().set(stable, true)
    }
    saveSnapshot(snapshot, rules)
  }
  setCache.set(stamp, rules)
  return rules
}

let bundledSet: RuleSet | undefined

/** The shipped packs from the bundled data (validated when it was built), compiled once. */
function bundledRules(bundled: BundledData, specs: readonly string[]): RuleSet {
  const other = specs.find((spec) => spec !== DEFAULT_PACKS)
  if (other !== undefined) throw notBundled('pack', other)
  bundledSet ??= compilePacks(bundled.packs.map(({file, data}) => ({...(data as PackData), file, locate: () => ({file, line: 1, column: 1})})))
  return bundledSet
}

/**
 * Each pack's own fixes were checked to be stable when it loaded; a house
 * pack can still undo a shipped one (`B` → `A` beside the shipped `A` →
 * `B`), which only shows with both loaded. Checked for the packs that are
 * not shipped ones, whose entries are few next to the shipped.
 */
function checkStableAcrossPacks(rules: RuleSet, packs: readonly Pack[]): void {
  const shipped = join(RULES_DIRECTORY, DEFAULT_PACKS)
  const own = packs.filter((pack) => !resolve(pack.file).startsWith(shipped))
  if (own.length === 0 || own.length === packs.length && packs.length === 1) return
  for (const pack of own) {
    pack.entries.forEach((entry, index) => {
      const id = `${pack.pack}.${entry.id}`
      if (entry.type !== 'substitution' || entry.fix !== 'auto' || rules.entries.get(id)?.entry !== entry) return
      const problem = refixProblem(rules, id, entry)
      if (!problem) return
      const place = pack.locate(['entries', index])
      throw new PackError(pack.file, place.line, place.column, `\`${id}\`: ${problem}`)
    })
  }
}
