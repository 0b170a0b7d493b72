#!/usr/bin/env node
// Does the quality score rank annotated passages? Every dirty passage (its
// NAME.json says `clean: false`) should score worse than every clean one.
//
//   node scripts/score-ranking.mjs CASES_DIR [CASES_DIR ...]
//
// Runs `postedit --format json` on each NAME.txt (not NAME.gold.txt) and
// prints each set's lowest dirty and highest clean score; exit 1 when a
// clean passage scores as high as a dirty one.
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const dirs = process.argv.slice(2)
if (dirs.length === 0) {
  console.error('usage: node scripts/score-ranking.mjs CASES_DIR...')
  process.exit(2)
}
let ok = true
const pooled = {dirty: [], clean: []}
for (const dir of dirs) {
  const cases = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && existsSync(join(dir, name.replace(/\.json$/, '.txt'))))
    .map((name) => ({file: join(dir, name.replace(/\.json$/, '.txt')), clean: JSON.parse(readFileSync(join(dir, name), 'utf8')).clean === true}))
  let output
  try {
    output = execFileSync(process.execPath, [cli, '--format', 'json', ...cases.map((item) => item.file)], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: {...process.env, POSTEDIT_WORKERS: '1'}})
  } catch (error) {
    output = error.stdout
  }
  const scores = new Map(JSON.parse(output).map((entry) => [entry.path, entry.score]))
  const scored = cases.map((item) => ({...item, score: scores.get(item.file)}))
  const dirty = scored.filter((item) => !item.clean).sort((a, b) => a.score - b.score)
  const clean = scored.filter((item) => item.clean).sort((a, b) => b.score - a.score)
  pooled.dirty.push(...dirty)
  pooled.clean.push(...clean)
  const worstClean = clean[0]
  const bestDirty = dirty[0]
  const ranked = !worstClean || !bestDirty || bestDirty.score > worstClean.score
  ok &&= ranked
  console.log(
    `${dir}: ${dirty.length} dirty, lowest ${bestDirty ? `${bestDirty.score.toFixed(2)} (${basename(bestDirty.file)})` : '-'} · ${clean.length} clean, highest ${worstClean ? `${worstClean.score.toFixed(2)} (${basename(worstClean.file)})` : '-'} · ${ranked ? 'every dirty passage scores worse' : 'NOT RANKED'}`
  )
  if (!ranked) for (const item of dirty.filter((entry) => entry.score <= worstClean.score)) console.log(`  dirty ${basename(item.file)} ${item.score.toFixed(2)} <= clean ${worstClean.score.toFixed(2)}`)
}
if (dirs.length > 1) {
  const lowest = Math.min(...pooled.dirty.map((item) => item.score))
  const highest = Math.max(...pooled.clean.map((item) => item.score))
  const ranked = lowest > highest
  ok &&= ranked
  console.log(`all sets: ${pooled.dirty.length} dirty, lowest ${lowest.toFixed(2)} · ${pooled.clean.length} clean, highest ${highest.toFixed(2)} · ${ranked ? 'every dirty passage scores worse' : 'NOT RANKED'}`)
}
process.exit(ok ? 0 : 1)
