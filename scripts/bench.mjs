#!/usr/bin/env node
// Speed and memory of postedit, measured on this machine (`npm run bench`).
//
// - one article, whole process, as a user runs it (median of several runs);
// - 1 MB of news text linted in one process with the default packs;
// - the same 1 MB with a generated 10,000- and 50,000-entry pack added, and
//   the time to load (parse, validate, self-test, compile) those packs.
// Figures drift up to 2x between runs on shared machines; compare ratios.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const {posteditSync, loadRules} = await import(join(root, 'dist/index.js'))
const seed = join(root, 'seeds/000_d42d0455121f1d6a.txt')
const runs = Number(process.env.BENCH_RUNS ?? 5)

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

function wholeProcess(args) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    try {
      execFileSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {stdio: 'ignore'})
    } catch {
      // Exit 1 means problems were found: the run still counts.
    }
    times.push(performance.now() - start)
  }
  return median(times)
}

/** About 1 MB of English news: the local clean corpus when present, else the seed repeated. */
function megabyte() {
  const corpus = join(root, '../shared/corpora/clean/ntrex128/newstest2019-src.eng.txt')
  const base = existsSync(corpus) ? readFileSync(corpus, 'utf8') : readFileSync(seed, 'utf8')
  let text = ''
  while (text.length < 1_000_000) text += base + '\n\n'
  return text.slice(0, 1_000_000)
}

/** A pack of `size` generated substitution entries with pseudo-words that never occur in news. */
function generatedPack(size) {
  const lines = ['pack: generated', `description: generated for the benchmark at ${Date.now()}`, 'entries:']
  for (let i = 0; i < size; i++) {
    const word = `zq${i.toString(36)}x`
    lines.push(
      `  - {id: e${i}, type: substitution, match: "${word} ${i % 7 === 0 ? 'file' : 'vex'}", replace: "${word} issue", fix: auto, note: generated, examples: [{in: "a ${word} ${i % 7 === 0 ? 'file' : 'vex'}", out: "a ${word} issue"}]}`
    )
  }
  const file = join(mkdtempSync(join(tmpdir(), 'postedit-bench-')), `generated-${size}.yml`)
  writeFileSync(file, lines.join('\n'))
  return file
}

function lint(text, packs) {
  const start = performance.now()
  const result = posteditSync(text, {packs})
  return {ms: performance.now() - start, messages: result.messages.length}
}

console.log(`postedit benchmark (node ${process.version}, ${runs} runs for whole-process figures)`)
console.log(`one article, whole process (postedit FILE):         ${seconds(wholeProcess([seed]))}`)
console.log(`one article, whole process (postedit --fix --stdout): ${seconds(wholeProcess(['--fix', '--stdout', seed]))}`)

const text = megabyte()
lint(text.slice(0, 20_000), ['default']) // load packs and dictionaries once
const base = lint(text, ['default'])
console.log(`1 MB, default packs:                               ${seconds(base.ms)} (${base.messages} messages)`)
for (const size of [10_000, 50_000]) {
  const file = generatedPack(size)
  const loadStart = performance.now()
  loadRules(['default', file])
  const load = performance.now() - loadStart
  // A second process finds the pack in the validated-pack cache: what every later run pays.
  const warm = Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', `const {loadRules} = await import(${JSON.stringify(join(root, 'dist/index.js'))}); loadRules(['default']); const t = performance.now(); loadRules(['default', ${JSON.stringify(file)}]); console.log(performance.now() - t)`], {encoding: 'utf8'})
  )
  const result = lint(text, ['default', file])
  console.log(
    `1 MB, default + ${size.toLocaleString('en')} entries:                 ${seconds(result.ms)} (${(result.ms / base.ms).toFixed(2)}x default); pack load ${seconds(load)} first time, ${seconds(warm)} cached`
  )
}
// Many articles: one run over a folder (worker pool), the same in one thread,
// and one process per file as a naive loop or hook would run it (sampled).
const folder = mkdtempSync(join(tmpdir(), 'postedit-bench-files-'))
const article = readFileSync(seed, 'utf8')
for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `article-${i}.txt`), article.replace('Thursday', `Thursday (${i})`))
const timeRun = (env) => {
  const start = performance.now()
  try {
    execFileSync(process.execPath, [join(root, 'dist/cli.js'), '--format', 'json', folder], {stdio: 'ignore', env: {...process.env, ...env}})
  } catch {
    // Exit 1: problems found.
  }
  return performance.now() - start
}
const pooled = timeRun({})
const single = timeRun({POSTEDIT_WORKERS: '1'})
const sample = 10
const perProcessStart = performance.now()
for (let i = 0; i < sample; i++) {
  try {
    execFileSync(process.execPath, [join(root, 'dist/cli.js'), join(folder, `article-${i}.txt`)], {stdio: 'ignore'})
  } catch {}
}
const perProcess = ((performance.now() - perProcessStart) / sample) * 1000
console.log(`1,000 article files, one run (worker pool):        ${seconds(pooled)}`)
console.log(`1,000 article files, one run, one thread:          ${seconds(single)} (pool is ${(single / pooled).toFixed(2)}x faster)`)
console.log(`1,000 article files, one process per file (est.):  ${seconds(perProcess)} (pool is ${(perProcess / pooled).toFixed(1)}x faster)`)
console.log(`peak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
