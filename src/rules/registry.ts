import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {PATTERNS} from '../needs-human/patterns.js'
import retextPosteditArabicLeftIn, {ARABIC_LEFT_IN_RULES} from './arabic-left-in.js'
import retextPosteditArtifacts from './artifacts.js'
import retextPosteditEntities, {ENTITY_RULES} from './entities.js'
import retextPosteditIrregularForms, {IRREGULAR_RULES} from './irregular-forms.js'
import {defineRule, type RuleMeta} from './meta.js'
import retextPosteditNames, {NAME_RULES} from './names.js'
import retextPosteditNeedsHuman from './needs-human.js'
import retextPosteditPhrases from './phrases.js'
import retextPosteditSpokenAcronyms, {SPOKEN_ACRONYM_RULES} from './spoken-acronyms.js'
import retextPosteditSpelling, {SPELLING_RULES, type SpellingOptions} from './spelling.js'
import retextPosteditTypography, {TYPOGRAPHY_RULES} from './typography.js'

/** What every rule plugin is given: each takes the options it knows and ignores the rest. */
export type FamilyOptions = SpellingOptions & {style?: import('../names/style.js').NameStyle}

/** A rule family: its retext plugin and the rules it declares in code (packs declare their own). */
export interface RuleFamily {
  plugin: (options?: FamilyOptions) => (tree: Root, file: VFile) => void
  rules: readonly RuleMeta[]
}

/**
 * Every rule family, in the order the processor runs them: a family sees
 * what the ones before it reported (spelling leaves a claimed word alone).
 * A new family is its plugin file, one line here, and its test.
 */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  {plugin: retextPosteditArtifacts, rules: []},
  {plugin: retextPosteditPhrases, rules: []},
  {plugin: retextPosteditSpokenAcronyms, rules: Object.values(SPOKEN_ACRONYM_RULES)},
  {plugin: retextPosteditNames, rules: Object.values(NAME_RULES)},
  {plugin: retextPosteditEntities, rules: Object.values(ENTITY_RULES)},
  {plugin: retextPosteditArabicLeftIn, rules: Object.values(ARABIC_LEFT_IN_RULES)},
  {plugin: retextPosteditIrregularForms, rules: Object.values(IRREGULAR_RULES)},
  {plugin: retextPosteditSpelling, rules: Object.values(SPELLING_RULES)},
  {plugin: retextPosteditTypography, rules: TYPOGRAPHY_RULES},
  // needs-human patterns carry their metadata in their own table; they report, never fix.
  {plugin: retextPosteditNeedsHuman, rules: PATTERNS.map(({id, description, severity}) => defineRule({id, description, fixable: false, severity}))}
]

/**
 * Every rule that lives in code rather than in packs, with its metadata.
 * Configuration checks, SARIF and docs/rules.md read this list; a plugin
 * that reports an id missing here fails the registry test.
 */
export const CODE_RULES: readonly RuleMeta[] = RULE_FAMILIES.flatMap((family) => family.rules)
