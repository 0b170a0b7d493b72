import type {Severity} from '../engine/types.js'

/** Where every rule is documented: docs/rules.md in the repository, with an anchor named by each code rule's id. */
export const DOCS_URL = 'https://github.com/postedit/postedit/blob/main/docs/rules.md'

/**
 * What a rule written in code is, as ESLint's `meta`: declared once, beside
 * the code that reports it, and read by everything that lists rules
 * (configuration checks, SARIF, docs/rules.md).
 */
export interface RuleMeta {
  /** The `ruleId` of its messages. */
  id: string
  /** One line on what it reports. */
  description: string
  /** Whether some of its messages carry a fix `--fix` applies. */
  fixable: boolean
  /** The severity its messages have unless they say otherwise. */
  severity: Severity
  /** Its documentation. */
  url: string
}

/** A rule's metadata, its documentation URL filled in. */
export function defineRule(meta: Omit<RuleMeta, 'url'> & {url?: string}): RuleMeta {
  return Object.freeze({...meta, url: meta.url ?? `${DOCS_URL}#${meta.id}`})
}
