import type {RuleSet} from '../packs/compile.js'
import type {IsOff} from '../packs/find.js'
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

/**
 * A test for turned-off rules: an id is off when it, or any prefix of it up
 * to a dot (`calques` for `calques.video-circle`), is listed.
 */
export function isOffFor(disable: readonly string[] | undefined): IsOff {
  if (!disable || disable.length === 0) return () => false
  const off = new Set(disable)
  return (id) => {
    if (off.has(id)) return true
    for (let dot = id.indexOf('.'); dot !== -1; dot = id.indexOf('.', dot + 1)) {
      if (off.has(id.slice(0, dot))) return true
    }
    return false
  }
}
