import type {RuleSet} from '../packs/compile.js'
import {PATTERNS} from '../needs-human/patterns.js'

/** What a rule is, for reports (SARIF rule metadata) and configuration checks. */
export interface RuleInfo {
  id: string
  description: string
  url?: string
}

/**
 * The rules that live in code rather than in packs, with a line each on
 * what they report. Kept here, beside the plugins, so configuration can
 * reject an unknown id and CI reports can describe every rule.
 */
export const CODE_RULES: Readonly<Record<string, string>> = {
  'typography.arabic-digits': 'Arabic-Indic or Persian digits in English text; fixed to ASCII digits.',
  'typography.arabic-punctuation': 'Arabic comma, semicolon, question mark or tatweel in English text; fixed to English punctuation.',
  'typography.invisible-characters': 'Bidirectional and zero-width control characters left by right-to-left source text; removed.',
  'typography.nbsp': 'A non-breaking space inside running text.',
  'typography.foreign-script': 'Untranslated Arabic (or other non-Latin) script inside English text.',
  'typography.doubled-word': 'The same word twice in a row ("the the"); fixed where it cannot be right.',
  'typography.space-before-punctuation': 'A space before , . ; : ! ? ) or after ( and opening quotes; removed.',
  'typography.double-space': 'Two or more spaces inside a sentence; reduced to one.',
  'typography.doubled-full-stop': 'Two full stops where one is meant; fixed.',
  'typography.quotes': 'Unbalanced or mismatched quotation marks, spaced apostrophes.',
  'typography.unicode-normalization': 'Decomposed Unicode (a letter followed by a combining mark); fixed to NFC.',
  'spelling.misspelling': 'A lower-case word no dictionary knows; fixed only when one common word is the clear candidate.',
  'spelling.unknown-word': 'A word no dictionary knows and that has no close candidate.',
  'spelling.unknown-name': 'A capitalised word no dictionary knows: usually a name; reported once per file for review.',
  'spelling.variety': 'A spelling of the other variety of English than the chosen dictionary (`color` under en-GB); a suggestion.',
  'spelling.overflow': 'Spelling suggestions were capped for this file; later unknown words have none.',
  'entities.acronym': 'A listed organisation acronym with letters Arabic script confuses (P/B, V/F, C/K/Q, G/J), two letters swapped, or in lower case; title case (Opec) is a house style and left alone.',
  'entities.form': 'A known organisation or brand split into words, joined, hyphenated or cased differently from how it writes its name (Face book, Rolls Royce, Whatsapp).',
  'entities.soundalike': 'An unknown capitalised word that sounds like exactly one known brand or organisation spelled back from Arabic; a suggestion unless only p/b or v/f differ.',
  'names.variant': 'A known person, place or group spelled in a variant transliteration.',
  'names.consistency': 'One person, place or group spelled two ways in one article.',
  'style.name': 'With a house style (`style: ap` or `reuters`): an accepted spelling of a name that is not the house spelling; a suggestion.'
}

/** Every rule postedit can report with `rules` loaded: code rules and pack entries. */
export function ruleCatalog(rules: RuleSet): Map<string, RuleInfo> {
  const catalog = new Map<string, RuleInfo>()
  for (const [id, description] of Object.entries(CODE_RULES)) catalog.set(id, {id, description})
  for (const pattern of PATTERNS) catalog.set(pattern.id, {id: pattern.id, description: pattern.description})
  for (const [id, {entry}] of rules.entries) {
    const info: RuleInfo = {id, description: entry.note.replace(/\s+/g, ' ').trim()}
    if (entry.link) info.url = entry.link
    catalog.set(id, info)
  }
  return catalog
}

/** Whether `id` names a rule, a pack or a family (`calques`, `typography`) in `catalog`. */
export function isKnownRuleId(id: string, catalog: ReadonlyMap<string, RuleInfo>): boolean {
  if (catalog.has(id)) return true
  const prefix = `${id}.`
  for (const key of catalog.keys()) if (key.startsWith(prefix)) return true
  return false
}
