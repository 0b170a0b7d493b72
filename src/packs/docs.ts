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

/** How many organisations, brands and acronyms a pack lists for the entity rule (its `entities` and `acronyms` lists). */
function listedCount(pack: Pack): number {
  return ['entities', 'acronyms'].reduce((sum, name) => sum + (pack.lists?.[name]?.length ?? 0), 0)
}

/**
 * A table of entries per family and desk, so an editor sees what each desk's
 * pack covers; a family whose packs list names for the entity rule (orgs)
 * gets that number beside its entries, since most of its coverage is there.
 */
function countsTable(packs: readonly Pack[]): string[] {
  const counts = new Map<string, Map<string, {entries: number; listed: number}>>()
  for (const pack of packs) {
    const [family, desk] = familyAndDesk(pack.pack)
    const desks = counts.get(family) ?? new Map<string, {entries: number; listed: number}>()
    const count = desks.get(desk) ?? {entries: 0, listed: 0}
    desks.set(desk, {entries: count.entries + pack.entries.length, listed: count.listed + listedCount(pack)})
    counts.set(family, desks)
  }
  const lines = [
    '## Entries per family and desk',
    '',
    '| family | desk | entries | organisations, brands and acronyms listed for the entity rule |',
    '| --- | --- | ---: | ---: |'
  ]
  for (const [family, desks] of counts) {
    const lists = [...desks.values()].some((count) => count.listed > 0)
    const listed = (n: number, bold = false) => (!lists ? '' : bold ? `**${n}**` : `${n}`)
    let entries = 0
    let total = 0
    for (const [desk, count] of desks) {
      lines.push(`| ${family} | ${desk} | ${count.entries} | ${listed(count.listed)} |`)
      entries += count.entries
      total += count.listed
    }
    if (desks.size > 1) lines.push(`| ${family} | **all desks** | **${entries}** | ${listed(total, true)} |`)
  }
  lines.push('')
  return lines
}

/** The gazetteer's size by kind, for the line under the table (see {@link gazetteerCounts}). */
export interface GazetteerCounts {
  people: number
  places: number
  exonyms: number
  regions: number
  groups: number
}

/** What {@link gazetteerCounts} reads of a gazetteer file (a `GazetteerFile` fits). */
interface CountedGazetteer {
  gazetteer: string
  kind?: string
  entities: ReadonlyArray<{kind?: string}>
}

/**
 * Count the gazetteer's entities by kind; the entities of `exonyms` (English
 * names of world places) are counted apart from the other places.
 */
export function gazetteerCounts(files: readonly CountedGazetteer[]): GazetteerCounts {
  const counts: GazetteerCounts = {people: 0, places: 0, exonyms: 0, regions: 0, groups: 0}
  for (const file of files) {
    for (const entity of file.entities) {
      const kind = entity.kind ?? file.kind ?? 'person'
      if (kind === 'person') counts.people++
      else if (kind === 'region') counts.regions++
      else if (kind === 'group') counts.groups++
      else if (file.gazetteer === 'exonyms') counts.exonyms++
      else counts.places++
    }
  }
  return counts
}

const number = (n: number) => n.toLocaleString('en-US')

function gazetteerLine(counts: GazetteerCounts): string[] {
  return [
    `Gazetteer (\`rules/names/*.yml\`, read by the \`names\` rule): ${number(counts.people)} people, ${number(counts.places)} places, ` +
      `${number(counts.exonyms)} exonyms, ${number(counts.regions)} regions, ${number(counts.groups)} groups.`,
    ''
  ]
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
 * docs/rules.md: the counts per family and desk (and, given `gazetteer`, the
 * gazetteer's), every pack and its entries, then the rules written in code
 * (`codeRules`, from the rule registry), each with an anchor of its id.
 */
export function rulesMarkdown(packs: readonly Pack[], codeRules: readonly CodeRuleDoc[] = [], gazetteer?: GazetteerCounts): string {
  const lines = [
    '# postedit rules',
    '',
    '<!-- Generated from rules/**/*.yml by `npm run docs`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Ids are `pack.entry`: use them with `--disable` and in `disable` options. *fix*: `--fix` applies it;',
    '*suggest*: reported with the replacement as a suggestion; *flag*: reported with a note.',
    '',
    ...countsTable(packs),
    ...(gazetteer ? gazetteerLine(gazetteer) : [])
  ]
  for (const pack of packs) {
    const listed = listedCount(pack)
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
