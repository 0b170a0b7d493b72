import {basename} from 'node:path'
import type {Pack, PackEntry} from './types.js'

const MAX_PHRASES = 12

const code = (text: string) => `\`${text.replace(/\n/g, '\\n').replace(/`/g, 'ˋ')}\``
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim()

/** The phrases an entry looks for, and what it puts instead. */
function summary(entry: PackEntry): string {
  if (entry.type === 'artifact') {
    return `${entry.scope}: ${[entry.pattern].flat().map(code).join(', ')} → deleted`
  }
  const pairs: Array<[string, string[]]> =
    entry.type === 'substitution' && entry.swap
      ? Object.entries(entry.swap).map(([from, to]) => [from, [to]])
      : [entry.match ?? []].flat().map((from) => [from, [entry.type === 'substitution' ? (entry.replace ?? []) : (entry.suggest ?? [])].flat()])
  const shown = pairs.slice(0, MAX_PHRASES).map(([from, to]) => (to.length > 0 ? `${code(from)} → ${to.map(code).join(' / ')}` : code(from)))
  if (pairs.length > MAX_PHRASES) shown.push(`and ${pairs.length - MAX_PHRASES} more`)
  if (entry.type === 'substitution' && entry.fuzzy) shown.push('and unlisted garbles of the term')
  return shown.join('; ')
}

function mode(entry: PackEntry): string {
  if (entry.type === 'existence') return 'flag'
  return (entry.fix ?? (entry.type === 'artifact' ? 'auto' : 'suggest')) === 'auto' ? 'fix' : 'suggest'
}

/** A pack id's family and desk: `calques.economy` → calques, economy; `terms` → terms, general. */
function familyAndDesk(id: string): [string, string] {
  const dot = id.indexOf('.')
  return dot === -1 ? [id, 'general'] : [id.slice(0, dot), id.slice(dot + 1)]
}

/** A table of entries per family and desk, so an editor sees what each desk's pack covers. */
function countsTable(packs: readonly Pack[]): string[] {
  const counts = new Map<string, Map<string, number>>()
  for (const pack of packs) {
    const [family, desk] = familyAndDesk(pack.pack)
    const desks = counts.get(family) ?? new Map<string, number>()
    desks.set(desk, (desks.get(desk) ?? 0) + pack.entries.length)
    counts.set(family, desks)
  }
  const lines = ['## Entries per family and desk', '', '| family | desk | entries |', '| --- | --- | ---: |']
  for (const [family, desks] of counts) {
    let total = 0
    for (const [desk, count] of desks) {
      lines.push(`| ${family} | ${desk} | ${count} |`)
      total += count
    }
    if (desks.size > 1) lines.push(`| ${family} | **all desks** | **${total}** |`)
  }
  lines.push('')
  return lines
}

/**
 * The rule reference, generated from the packs: every entry with its id,
 * what it finds, whether `--fix` applies it, and why.
 */
/** What docs/rules.md says of a rule written in code (the rule registry's metadata). */
export interface CodeRuleDoc {
  id: string
  description: string
  fixable: boolean
  severity: string
}

/**
 * docs/rules.md: every pack and its entries, then the rules written in code
 * (`codeRules`, from the rule registry), each with an anchor of its id.
 */
export function rulesMarkdown(packs: readonly Pack[], codeRules: readonly CodeRuleDoc[] = []): string {
  const lines = [
    '# postedit rules',
    '',
    '<!-- Generated from rules/**/*.yml by `npm run docs`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Ids are `pack.entry`: use them with `--disable` and in `disable` options. *fix*: `--fix` applies it;',
    '*suggest*: reported with the replacement as a suggestion; *flag*: reported with a note.',
    '',
    ...countsTable(packs)
  ]
  for (const pack of packs) {
    const listed = ['entities', 'acronyms'].reduce((sum, name) => sum + (pack.lists?.[name]?.length ?? 0), 0)
    const counts = listed > 0 ? `${pack.entries.length} entries, ${listed} organisations, brands and acronyms listed for the entity rule` : `${pack.entries.length} entries`
    lines.push(`## ${pack.pack}`, '', `${cell(pack.description)} (${code(`rules/default/${basename(pack.file)}`)}, ${counts})`, '')
    lines.push('| id | does | what it finds | why |', '| --- | --- | --- | --- |')
    for (const entry of pack.entries) {
      const why = entry.link ? `${cell(entry.note)} [More](${entry.link})` : cell(entry.note)
      lines.push(`| ${code(`${pack.pack}.${entry.id}`)} | ${mode(entry)} | ${cell(summary(entry))} | ${why} |`)
    }
    lines.push('')
  }
  if (codeRules.length > 0) {
    lines.push('## Rules in code', '', 'Rules written in TypeScript rather than in packs, from the rule registry (`src/rules/registry.ts`).', '')
    lines.push('| id | does | severity | what it finds |', '| --- | --- | --- | --- |')
    for (const rule of codeRules) lines.push(`| <a id="${rule.id}"></a>${code(rule.id)} | ${rule.fixable ? 'fix' : 'flag'} | ${rule.severity} | ${cell(rule.description)} |`)
    lines.push('')
  }
  return lines.join('\n')
}
