#!/usr/bin/env node
// Quick measure of the pool for iteration (build first): the CLI on a folder
// of generated articles with `--format json`, the default (pool) against
// POSTEDIT_WORKERS=1, alternating in the same loop, wall and CPU (user +
// system of every process of the run, from GNU time) for each, and a check
// that both modes print the same bytes. The full figure is `npm run bench`
// (section "1,000 different articles").
//
//   node scripts/bench-pool.mjs [--files 300] [--rounds 3] [--words 470] [--env NAME=VALUE]... [--cli OTHER/dist/cli.js]...
//
// Each `--cli` (default: this checkout's) is measured in both modes, in the same loop.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const {values: flags} = parseArgs({
  options: {files: {type: 'string', default: '300'}, rounds: {type: 'string', default: '3'}, words: {type: 'string', default: '470'}, env: {type: 'string', multiple: true, default: []}, cli: {type: 'string', multiple: true}}
})
const clis = flags.cli ?? [join(root, 'dist/cli.js')]
const extra = Object.fromEntries(flags.env.map((pair) => pair.split(/=(.*)/s).slice(0, 2)))
const corpus = ['..', '../..'].map((up) => join(root, up, 'shared/corpora/clean/ntrex128/newstest2019-src.eng.txt')).find((path) => existsSync(path))
const source = corpus ?? join(root, 'seeds/000_d42d0455121f1d6a.txt')

// The same articles as scripts/bench.mjs: consecutive corpus lines, one paragraph a line.
const lines = readFileSync(source, 'utf8').split(/\n+/).filter((text) => text.trim())
const work = mkdtempSync(join(tmpdir(), 'postedit-bench-pool-'))
const folder = join(work, 'articles')
mkdirSync(folder)
let next = 0
for (let i = 0; i < Number(flags.files); i++) {
  const paragraphs = []
  for (let total = 0; total < Number(flags.words); next++) {
    const paragraph = lines[next % lines.length]
    paragraphs.push(paragraph)
    total += paragraph.split(/\s+/).length
  }
  writeFileSync(join(folder, `article-${String(i).padStart(4, '0')}.txt`), `${paragraphs.join('\n\n')}\n`)
}

function run(cli, env) {
  const start = performance.now()
  const child = spawnSync('/usr/bin/time', ['-f', 'bench-pool-time %M %U %S', process.execPath, cli, '--format', 'json', folder], {
    encoding: 'utf8',
    env: {...process.env, ...extra, ...env},
    maxBuffer: 1 << 30
  })
  const ms = performance.now() - start
  if (child.status !== 0 && child.status !== 1) throw new Error(`exit ${child.status}: ${child.stderr.slice(-500)}`)
  const [, peak, user, system] = /bench-pool-time (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr) ?? []
  return {ms, cpuMs: (Number(user) + Number(system)) * 1000, peak: Number(peak) / 1024, stdout: child.stdout, status: child.status}
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const modes = {single: {POSTEDIT_WORKERS: '1'}, pool: {}}
const seen = clis.map(() => ({single: [], pool: []}))
for (let round = 0; round < Number(flags.rounds); round++) {
  for (const [which, cli] of clis.entries()) {
    for (const [name, env] of Object.entries(modes)) {
      const result = run(cli, env)
      seen[which][name].push(result)
      console.log(`round ${round + 1} ${cli} ${name.padEnd(6)} wall ${(result.ms / 1000).toFixed(2)} s, CPU ${(result.cpuMs / 1000).toFixed(2)} s, peak ${Math.round(result.peak)} MiB`)
    }
  }
}
const s = (ms) => `${(ms / 1000).toFixed(2)} s`
for (const [which, cli] of clis.entries()) {
  const {single: singles, pool: pools} = seen[which]
  const same = pools.every((result) => result.stdout === singles[0].stdout && result.status === singles[0].status)
  const single = {ms: median(singles.map((r) => r.ms)), cpuMs: median(singles.map((r) => r.cpuMs))}
  const pool = {ms: median(pools.map((r) => r.ms)), cpuMs: median(pools.map((r) => r.cpuMs))}
  // On a shared machine the fastest run is the one least disturbed by others.
  const least = (list, key) => Math.min(...list.map((r) => r[key]))
  console.log(`${cli}: fastest single ${s(least(singles, 'ms'))} (least CPU ${s(least(singles, 'cpuMs'))}) · fastest pool ${s(least(pools, 'ms'))} (least CPU ${s(least(pools, 'cpuMs'))}) · ${(least(singles, 'ms') / least(pools, 'ms')).toFixed(2)}x`)
  console.log(
    `${cli}: ${flags.files} files: single ${s(single.ms)} (CPU ${s(single.cpuMs)}) · pool ${s(pool.ms)} (CPU ${s(pool.cpuMs)}) · speedup ${(single.ms / pool.ms).toFixed(2)}x · output ${same ? 'identical' : 'DIFFERS'}`
  )
}
rmSync(work, {recursive: true, force: true})
