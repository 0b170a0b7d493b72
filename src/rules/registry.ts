import {PATTERNS} from '../needs-human/patterns.js'
import {ENTITY_RULES} from './entities.js'
import {defineRule, type RuleMeta} from './meta.js'
import {NAME_RULES} from './names.js'
import {SPELLING_RULES} from './spelling.js'
import {TYPOGRAPHY_RULES} from './typography.js'

/**
 * Every rule that lives in code rather than in packs, with its metadata,
 * gathered from the plugins that declare it. Configuration checks, SARIF and
 * docs/rules.md read this list; a plugin that reports an id missing here
 * fails the registry test. A new rule family adds its plugin's list here.
 */
export const CODE_RULES: readonly RuleMeta[] = [
  ...TYPOGRAPHY_RULES,
  ...Object.values(SPELLING_RULES),
  ...Object.values(ENTITY_RULES),
  ...Object.values(NAME_RULES),
  // needs-human patterns carry their metadata in their own table; they report, never fix.
  ...PATTERNS.map(({id, description, severity}) => defineRule({id, description, fixable: false, severity}))
]

/** {@link CODE_RULES} by id. */
export const CODE_RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(CODE_RULES.map((meta) => [meta.id, meta]))
