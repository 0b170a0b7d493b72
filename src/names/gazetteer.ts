import {readFileSync} from 'node:fs'
import {DataFileCache} from '../infra/data-freshness.js'
import {bundledData, notBundled} from '../infra/bundled-data.js'
import {cacheKey, sharedCache, SNAPSHOT_FORMAT} from '../infra/cache.js'
import {gazetteerFiles, parseGazetteer, readGazetteerText, type EntityKind, type GazetteerFile} from './load.js'
import {isArticle, looseNameKey, nameKey, nameWordsOf, skeletonKey} from './key.js'
import {arabicPattern, type ArabicPattern} from './arabic-name.js'
import {WordSet} from '../infra/word-set.js'

/** A person, place or group, ready for matching. */
export interface Entity {
  /** The spelling to use. */
  name: string
  kind: EntityKind
  country: string | undefined
  /** Context words and phrases, lower case. */
  context: string[]
  /** The context entries written capitalised (groups, bodies, places), lower case. */
  contextGroups: Set<string>
  /** Spellings that are right as they stand, in {@link canonical} form. */
  correct: Set<string>
  /** The accepted spellings as written (for the spelling rule's word list). */
  accepted: string[]
  /** Listed wrong spellings, in {@link canonical} form. */
  variants: Set<string>
  /** Listed likely spellings, suggested but never fixed, in {@link canonical} form. */
  suggest: Set<string>
  /** The Reuters spelling where it differs from {@link name} (the AP one). */
  reuters: string | undefined
  /** How a person is named alone (`al-Kadhimi`). */
  short: string[]
  /** Romanisation patterns of the entity's Arabic-script names. */
  arabic: ArabicPattern[]
  /** The entity's names in Arabic script, as the gazetteer writes them. */
  arabicForms: string[]
  note: string | undefined
  /** The file of the entry, for messages and errors (one string per file, not one per entity). */
  file: string
  /** The number of the entry in {@link Entity.file}, from 1. */
  entry: number
}

/** Gazetteer entities indexed by transliteration key. */
/**
 * The entities a key leads to: one entity alone, as nearly every key has
 * (a list of one was two heap objects per key, some 20,000 the startup
 * snapshot rebuilt on every run), or a list of several. Read with {@link entitiesOf}.
 */
export type EntityList = Entity | readonly Entity[]

/** The entities of an {@link EntityList}, or undefined for none. */
export function entitiesOf(list: EntityList | undefined): readonly Entity[] | undefined {
  return list === undefined ? undefined : Array.isArray(list) ? list : [list as Entity]
}

export interface Gazetteer {
  entities: Entity[]
  /** Key of every full form (name, accepted forms, variants) → entities. */
  full: Map<string, EntityList>
  /** Key of every short form of a person (a surname alone) → people. */
  short: Map<string, EntityList>
  /** Loose key of every person's full name (see `looseNameKey`) → people. */
  loose: Map<string, EntityList>
  /** Consonants alone of every right form of a place, region or group (see `skeletonKey`) → entities. */
  skeleton: Map<string, EntityList>
  /** Skeleton of a romanised Arabic-script name (see `romanSkeleton`) → its patterns and entities. */
  arabic: Map<string, Array<{entity: Entity; pattern: ArabicPattern}>>
  /** Canonical forms that are right for some entity: never flagged. */
  correct: Set<string>
  /** Lower-case words of people's names: a place variant that is one of them is a name, not a place. */
  personWords: Set<string>
  /** The most words in a form. */
  maxWords: number
}

/**
 * A spelling with differences of no consequence removed: case, hyphen or
 * space between words, curly or straight apostrophe. `Al-Kadhimi` and
 * `al Kadhimi` are one canonical form; `Al-Riyadh` and `Riyadh` are not.
 */
export function canonical(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\s\-\u2010\u2011]+/gu, ' ')
    .trim()
}

/** The short form of a person: the last word with its article (`el-Sisi`), none after `bin`. */
function defaultShort(name: string): string[] {
  const words = name.split(/\s+/)
  if (words.length < 2) return []
  if (words.some((word) => /^(bin|ibn|bint|ben)$/i.test(word))) return []
  return [words[words.length - 1]!]
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}

/**
 * Build the index of gazetteer files. Entities with the same name in several
 * files are merged. Entities of files marked `override` (house spellings)
 * replace every shipped entity that shares one of their keys.
 */
export function buildGazetteer(files: GazetteerFile[]): Gazetteer {
  const byName = new Map<string, Entity>()
  const overrides: Entity[] = []
  for (const file of files) {
    for (const data of file.entities) {
      const kind = data.kind ?? file.kind ?? 'person'
      const existing = file.override ? undefined : byName.get(data.name)
      const entity: Entity = existing ?? {
        name: data.name,
        kind,
        country: data.country,
        context: [],
        contextGroups: new Set(),
        accepted: [],
        correct: new Set([canonical(data.name)]),
        variants: new Set(),
        suggest: new Set(),
        short: [],
        arabic: [],
        arabicForms: [],
        reuters: data.reuters,
        note: data.note,
        file: file.file,
        entry: data.line
      }
      for (const word of data.context ?? []) {
        entity.context.push(word.toLowerCase())
        if (/^\p{Lu}/u.test(word)) entity.contextGroups.add(word.toLowerCase())
      }
      for (const form of data.accept ?? []) {
        entity.correct.add(canonical(form))
        entity.accepted.push(form)
      }
      if (data.reuters) {
        entity.reuters = data.reuters
        entity.correct.add(canonical(data.reuters))
        entity.accepted.push(data.reuters)
      }
      for (const form of data.variants ?? []) entity.variants.add(canonical(form))
      for (const form of data.suggest ?? []) entity.suggest.add(canonical(form))
      for (const form of data.arabic ?? []) {
        if (!entity.arabicForms.includes(form)) entity.arabicForms.push(form)
        const pattern = arabicPattern(form)
        if (pattern && !entity.arabic.some((known) => known.pattern.source === pattern.pattern.source)) entity.arabic.push(pattern)
      }
      if (kind === 'person') {
        const short = data.short ?? defaultShort(data.name)
        for (const form of short) if (!entity.short.includes(form)) entity.short.push(form)
      }
      if (file.override) overrides.push(entity)
      else byName.set(data.name, entity)
    }
  }
  const full = new Map<string, Entity[]>()
  const short = new Map<string, Entity[]>()
  const loose = new Map<string, Entity[]>()
  const skeleton = new Map<string, Entity[]>()
  const arabic = new Map<string, Array<{entity: Entity; pattern: ArabicPattern}>>()
  const correct = new Set<string>()
  const personWords = new Set<string>()
  let maxWords = 1
  const add = (entity: Entity): void => {
    for (const form of [entity.name, ...entity.correct, ...entity.variants, ...entity.suggest]) {
      const key = nameKey(form)
      if (key) push(full, key, entity)
      maxWords = Math.max(maxWords, form.split(/[\s-]+/).length)
      const looseKey = entity.kind === 'person' ? looseNameKey(form) : undefined
      if (looseKey) push(loose, looseKey, entity)
    }
    if (entity.kind !== 'person') {
      for (const form of [entity.name, ...entity.correct]) {
        const key = skeletonKey(form)
        if (key) push(skeleton, key, entity)
      }
    }
    for (const pattern of entity.arabic) push(arabic, pattern.skeleton, {entity, pattern})
    for (const form of entity.short) {
      const key = nameKey(form)
      if (key) push(short, key, entity)
      // A short form is right with or without its article: Assad, al-Assad.
      entity.correct.add(canonical(form))
      entity.correct.add(canonical(nameWordsOf(form).join(' ')))
    }
    for (const form of entity.correct) correct.add(form)
    if (entity.kind === 'person') {
      for (const form of [entity.name, ...entity.correct, ...entity.variants]) {
        for (const word of form.split(/[\s-]+/)) if (!isArticle(word)) personWords.add(word.toLowerCase())
      }
    }
  }
  for (const entity of byName.values()) add(entity)
  // House spellings win: their keys point to them alone, and the shipped
  // spelling becomes one of their variants.
  for (const entity of overrides) {
    for (const form of [entity.name, ...entity.correct, ...entity.variants]) {
      const key = nameKey(form)
      for (const replaced of full.get(key) ?? []) {
        if (replaced === entity) continue
        for (const old of replaced.correct) correct.delete(old)
        entity.variants.add(canonical(replaced.name))
        if (entity.context.length === 0) {
          entity.context.push(...replaced.context)
          for (const word of replaced.contextGroups) entity.contextGroups.add(word)
        }
      }
      full.delete(key)
    }
    for (const form of entity.short) short.delete(nameKey(form))
    add(entity)
  }
  const entities = [...byName.values(), ...overrides]
  for (const entity of entities) shareEmptyCollections(entity)
  return {entities, full: singlesAlone(full), short: singlesAlone(short), loose: singlesAlone(loose), skeleton: singlesAlone(skeleton), arabic, correct, personWords, maxWords}
}

/** `map` with each list of one entity replaced by the entity (see {@link EntityList}). */
function singlesAlone(map: Map<string, Entity[]>): Map<string, EntityList> {
  const compact = map as Map<string, EntityList>
  for (const [key, list] of map) if (list.length === 1) compact.set(key, list[0]!)
  return compact
}

/** The one empty list and set every entity without such forms points to (nothing changes a built entity). */
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[]
const NO_PATTERNS: ArabicPattern[] = Object.freeze([]) as unknown as ArabicPattern[]
const NO_FORMS: Set<string> = new Set()

/**
 * Point `entity`'s empty lists and sets at shared ones: most entities have no
 * Arabic forms, short forms, accepted spellings, variants or suggestions, and
 * their 20,000 empty collections were a tenth of the objects the startup
 * snapshot had to rebuild on every run.
 */
function shareEmptyCollections(entity: Entity): void {
  if (entity.context.length === 0) entity.context = NO_STRINGS
  if (entity.accepted.length === 0) entity.accepted = NO_STRINGS
  if (entity.short.length === 0) entity.short = NO_STRINGS
  if (entity.arabicForms.length === 0) entity.arabicForms = NO_STRINGS
  if (entity.arabic.length === 0) entity.arabic = NO_PATTERNS
  if (entity.contextGroups.size === 0) entity.contextGroups = NO_FORMS
  if (entity.variants.size === 0) entity.variants = NO_FORMS
  if (entity.suggest.size === 0) entity.suggest = NO_FORMS
}

/** Gazetteers by the specs and folder that named them, checked for edits as the data files' freshness allows. */
const lookups = new DataFileCache<Gazetteer>(gazetteerFiles)
/** The shipped gazetteer from the bundled data, built once. */
let bundledGazetteer: Gazetteer | undefined
let validity: string | undefined

/** What a cached gazetteer's validity depends on: its schema and the code that checks it. */
function checkingCode(): string {
  return [readFileSync(new URL('../../rules/names/schema.json', import.meta.url), 'utf8'), ownModule('./load'), ownModule('../infra/yaml-data')].join('\u0000')
}

/** The text of one of postedit's modules (source under tests, built code otherwise). */
function ownModule(name: string): string {
  return readFileSync(new URL(`${name}.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url), 'utf8')
}

/** What a cached index depends on besides its files: the checks, and the code that builds and keys it. */
let indexingCode: string | undefined

/** A gazetteer file, from the validated-file cache when its text is unchanged. */
function readCached(file: string, text: string): GazetteerFile {
  validity ??= checkingCode()
  const key = cacheKey('gazetteer', validity, text)
  const data = sharedCache().get(key) as Omit<GazetteerFile, 'file'> | undefined
  if (data) return {...data, file}
  const parsed = parseGazetteer(text, file)
  const {file: _file, ...plain} = parsed
  sharedCache().set(key, plain)
  return parsed
}

/**
 * The index of `files`: built from the validated files, or read whole from
 * the cache's snapshot of it when no file, check or indexing code changed
 * (building it keys every form of some thousands of names: most of a cold
 * run's start).
 */
function indexOf(files: readonly string[]): Gazetteer {
  const texts = files.map(readGazetteerText)
  validity ??= checkingCode()
  indexingCode ??= [ownModule('./gazetteer'), ownModule('./key')].join('\u0000')
  const key = cacheKey('gazetteer-index', SNAPSHOT_FORMAT, validity, indexingCode, ...files.flatMap((file, index) => [file, texts[index]!]))
  const snapshot = sharedCache().getSnapshot(key) as Gazetteer | undefined
  if (snapshot) return snapshot
  const gazetteer = buildGazetteer(files.map((file, index) => readCached(file, texts[index]!)))
  sharedCache().setSnapshot(key, gazetteer)
  return gazetteer
}

/**
 * The gazetteer of `specs` (`'default'`, files or folders of gazetteer YAML),
 * loaded, validated and keyed once per process, again only when a file changed.
 */
export function loadGazetteer(specs: readonly string[] = ['default'], cwd?: string): Gazetteer {
  const bundled = bundledData()
  if (bundled) {
    const other = specs.find((spec) => spec !== 'default')
    if (other !== undefined) throw notBundled('gazetteer', other)
    bundledGazetteer ??= buildGazetteer(bundled.gazetteer as GazetteerFile[])
    return bundledGazetteer
  }
  return lookups.get(specs, cwd ?? process.cwd(), indexOf)
}

/**
 * Every word of the gazetteer's correct forms (names and accepted spellings),
 * for the spelling rule to accept.
 */
export function gazetteerWords(specs?: readonly string[]): Set<string> {
  const words = new Set<string>()
  const gazetteer = loadGazetteer(specs)
  for (const entity of gazetteer.entities) {
    for (const form of [entity.name, ...entity.short, ...entity.accepted]) {
      for (const word of form.split(/[\s\-\u2010\u2011]+/u)) if (/\p{L}/u.test(word)) words.add(word)
    }
  }
  return words
}

/** The word sets of {@link gazetteerNameWords}, one per loaded gazetteer (a reloaded one gets its own). */
const nameWordSets = new WeakMap<object, WordSet>()

/**
 * The words of the gazetteer's correct forms, built once per loaded gazetteer
 * and shared by every rule that asks whether a word is a known name.
 */
export function gazetteerNameWords(specs?: readonly string[]): WordSet {
  const gazetteer = loadGazetteer(specs)
  let words = nameWordSets.get(gazetteer)
  if (!words) {
    // A word set: as a Set, thousands of heap objects the startup snapshot rebuilt on every run.
    words = new WordSet(gazetteerWords(specs))
    nameWordSets.set(gazetteer, words)
  }
  return words
}
