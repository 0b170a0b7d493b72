import type {RuleSet} from '../packs/compile.js'
import {namesAnyId} from '../infra/rule-ids.js'
import {CODE_RULES} from './registry.js'

/** What a rule is, for reports (SARIF rule metadata) and configuration checks. */
export interface RuleInfo {
  id: string
  description: string
  url?: string
}

/**
 * A catalog built the first time it is read: most runs name no rule id to
 * check and write no report that describes rules, and then the packs'
 * thousands of entries are never read.
 */
class LazyCatalog implements ReadonlyMap<string, RuleInfo> {
  readonly #rules: RuleSet
  #built: Map<string, RuleInfo> | undefined

  constructor(rules: RuleSet) {
    this.#rules = rules
  }

  get #catalog(): Map<string, RuleInfo> {
    this.#built ??= buildCatalog(this.#rules)
    return this.#built
  }

  get size(): number {
    return this.#catalog.size
  }

  get(id: string): RuleInfo | undefined {
    return this.#catalog.get(id)
  }

  has(id: string): boolean {
    return this.#catalog.has(id)
  }

  forEach(callback: (value: RuleInfo, key: string, map: ReadonlyMap<string, RuleInfo>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#catalog) callback.call(thisArg, value, key, this)
  }

  entries(): MapIterator<[string, RuleInfo]> {
    return this.#catalog.entries()
  }

  keys(): MapIterator<string> {
    return this.#catalog.keys()
  }

  values(): MapIterator<RuleInfo> {
    return this.#catalog.values()
  }

  [Symbol.iterator](): MapIterator<[string, RuleInfo]> {
    return this.#catalog.entries()
  }
}

// One per rule set: a run's rule set comes from the per-process (or startup
// snapshot's) cache, and its thousands of entries need not be read again.
const catalogs = new WeakMap<RuleSet, ReadonlyMap<string, RuleInfo>>()

/** Every rule postedit can report with `rules` loaded: code rules and pack entries. */
export function ruleCatalog(rules: RuleSet): ReadonlyMap<string, RuleInfo> {
  let catalog = catalogs.get(rules)
  if (!catalog) {
    catalog = new LazyCatalog(rules)
    catalogs.set(rules, catalog)
  }
  return catalog
}

function buildCatalog(rules: RuleSet): Map<string, RuleInfo> {
  const catalog = new Map<string, RuleInfo>()
  // Code rules' docs URLs stay out of reports for now: SARIF output is unchanged (pack entries keep their links).
  for (const {id, description} of CODE_RULES) catalog.set(id, {id, description})
  for (const [id, {entry}] of rules.entries) {
    const info: RuleInfo = {id, description: entry.note.replace(/\s+/g, ' ').trim()}
    if (entry.link) info.url = entry.link
    catalog.set(id, info)
  }
  return catalog
}

/** Whether `id` names a rule, a pack or a family (`calques`, `typography`) in `catalog`. */
export function isKnownRuleId(id: string, catalog: ReadonlyMap<string, RuleInfo>): boolean {
  return catalog.has(id) || namesAnyId(id, catalog.keys())
}
