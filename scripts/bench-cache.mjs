#!/usr/bin/env node
// Measure `--cache`: 1,000 article files made from corpus text, checked once
// with an empty cache and again with every file unchanged; prints both times
// and the ratio (the target is a second run at least 10x faster).
//
//   npm run build && node scripts/bench-cache.mjs [--articles N] [--keep] [CORPUS.txt ...]
//
// POSTEDIT_CLI=path/to/cli.js measures another build (an older one, to compare).
//
// Default corpora: the clean news corpora of the shared measuring folder. Each
// article is 20 consecutive lines from a different starting line, so no two are alike.
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
let count = 1000
const at = args.indexOf('--articles')
if (at >= 0) count = Number(args.splice(at, 2)[1])
// --keep: leave the folder (articles and cache) for profiling the cached run.
const keep = args.includes('--keep')
if (keep) args.splice(args.indexOf('--keep'), 1)
const corpora = args.length > 0 ? args : ['/work/shared/corpora/clean/ntrex128/newstest2019-src.eng.txt', '/work/shared/corpora/clean/tico19/tico19-test.en']
const lines = corpora.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== ''))

const folder = mkdtempSync(join(tmpdir(), 'postedit-bench-cache-'))
const articles = join(folder, 'articles')
mkdirSync(articles)
for (let index = 0; index < count; index++) {
  const start = (index * 7) % lines.length
  const body = Array.from({length: 20}, (_, offset) => lines[(start + offset) % lines.length]).join('\n\n')
  writeFileSync(join(articles, `${String(index).padStart(4, '0')}.txt`), `${body}\n`)
}

const run = () => {
  const began = process.hrtime.bigint()
  try {
    execFileSync(process.execPath, [process.env.POSTEDIT_CLI ?? join(root, 'dist', 'cli.js'), '--cache', '--format', 'json', 'articles'], {cwd: folder, stdio: ['ignore', 'ignore', 'inherit']})
  } catch (error) {
    // Exit 1: problems remain in some article, which is normal for real text.
    if (error.status !== 1) throw error
  }
  return Number(process.hrtime.bigint() - began) / 1e6
}

try {
  const first = run()
  const second = run()
  console.log(`${count} articles: first run ${(first / 1000).toFixed(2)} s, second run (all cached) ${(second / 1000).toFixed(2)} s, ${(first / second).toFixed(1)}x faster`)
} finally {
  if (keep) console.log(`kept ${folder}`)
  else rmSync(folder, {recursive: true, force: true})
}
