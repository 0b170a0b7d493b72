import type {RuleSet} from '../packs/compile.js'
import {loadRules} from '../packs/registry.js'

/** Options every postedit rule plugin takes. */
export interface RuleOptions {
  /** Compiled packs to use (default: loaded from `packs`). */
  rules?: RuleSet
  /** Packs to load: `'default'`, pack files or folders (default: `['default']`). */
  packs?: string[]
  /** Rule ids, pack ids or rule families (`typography`) to turn off. */
  disable?: string[]
}

/** The rule set a plugin works with: given, or loaded (and cached) from `packs`. */
export function rulesOf(options: RuleOptions | undefined): RuleSet {
  return options?.rules ?? loadRules(options?.packs)
}

export {isOffFor} from '../infra/rule-ids.js'
