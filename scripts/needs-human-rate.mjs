#!/usr/bin/env node
// needs-human messages per 1,000 sentences on text an editor already cleaned:
// every one is a false alarm (or a rare real slip: read them with --show).
//
//   node scripts/needs-human-rate.mjs [--show] FILE [FILE ...]
//
// Sentences are the parser's sentence nodes (retext-english's tree), as the rules see them.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'

const root = fileURLToPath(new URL('..', import.meta.url))
const {posteditSync} = await import(join(root, 'dist/index.js'))
const {default: retextPosteditEnglish} = await import(join(root, 'dist/parse/english.js'))
const args = process.argv.slice(2)
const show = args.includes('--show')
const files = args.filter((arg) => arg !== '--show')
if (files.length === 0) {
  console.error('usage: node scripts/needs-human-rate.mjs [--show] FILE...')
  process.exit(2)
}
const OTHERS = ['terms', 'orgs', 'titles', 'calques', 'names', 'artifacts', 'spelling', 'typography']
const parser = unified().use(retextPosteditEnglish)
let sentences = 0
const counts = {warning: 0, info: 0, error: 0}
const byRule = new Map()
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const tree = parser.parse(text)
  for (const paragraph of tree.children) if (paragraph.type === 'ParagraphNode') sentences += paragraph.children.filter((node) => node.type === 'SentenceNode').length
  const {messages} = posteditSync(text, {disable: OTHERS})
  for (const message of messages) {
    if (!String(message.ruleId).startsWith('needs-human.')) continue
    counts[message.severity]++
    byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1)
    if (show) console.log(`${file}:${message.place.start.line} ${message.severity} ${message.ruleId}: ${String(message.actual).replace(/\s+/g, ' ').slice(0, 200)}`)
  }
}
const per1k = (count) => ((count * 1000) / sentences).toFixed(2)
console.log(`${sentences} sentences · needs-human warnings ${counts.warning} (${per1k(counts.warning)} per 1,000 sentences), info ${counts.info} (${per1k(counts.info)} per 1,000)`)
console.log([...byRule].sort((a, b) => b[1] - a[1]).map(([id, count]) => `${id} ${count}`).join(' · '))
