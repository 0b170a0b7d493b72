#!/usr/bin/env node
// Speed and memory of postedit against the issue-15 targets, each beside
// baselines measured in the same run on this machine (`npm run bench`):
//
// - `node -e 0`, the floor of any command;
// - a plain retext-english + retext-spell + dictionary-en pipeline (default
//   suggestions), built from postedit's own dependencies: what a peer costs;
// - retext-english parsing alone, in process: the ceiling of any retext pipeline.
//
// Figures are printed as ratios to their baselines (absolute times drift up
// to 2x between runs on shared machines; ratios inside one run hold) and
// written as JSON (`--json FILE`, default bench/results.json).
// `--quick` runs each whole-process figure fewer times and leaves out the
// generated packs; the 50 MB and 1,000-file figures are always measured.
// Peak memory and CPU of a whole process come from GNU time when it is
// installed (the CLI then runs from its startup snapshot, as users run it),
// else from a probe preloaded into Node (which runs it without the snapshot).
// No test asserts a time.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const {values: flags} = parseArgs({options: {json: {type: 'string'}, quick: {type: 'boolean'}}})
const jsonPath = flags.json ?? join(root, 'bench/results.json')
const runs = Number(process.env.BENCH_RUNS ?? (flags.quick ? 3 : 5))
const cli = join(root, 'dist/cli.js')
// The `postedit` command as installed (package.json "bin"): where the build made a
// startup snapshot on a POSIX system, a launcher that starts Node from it directly.
const command = join(root, 'dist/bin/postedit')
const seed = join(root, 'seeds/000_d42d0455121f1d6a.txt')
const work = mkdtempSync(join(tmpdir(), 'postedit-bench-'))

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`
const ratio = (a, b) => `${(a / b).toFixed(2)}x`

// A child's peak resident memory, printed by a module preloaded into it.
const peakProbe = join(work, 'peak.mjs')
writeFileSync(peakProbe, `import {writeSync} from 'node:fs'\nprocess.on('exit', () => writeSync(2, '\\npostedit-bench-peak ' + process.resourceUsage().maxRSS * 1024 + '\\n'))\n`)

// GNU time reports the peak of the largest process of the run (the CLI's child started from the snapshot) and the CPU of all.
const gnuTime = ['/usr/bin/time', '/bin/time'].find((path) => spawnSync(path, ['-f', '%M', 'true'], {encoding: 'utf8'}).stderr?.trim().match(/^\d+$/))

/**
 * One whole process: wall time, CPU time (user + system, all threads and
 * children) and peak resident memory. With GNU time the command runs as a
 * user runs it; otherwise `probe: true` preloads the memory probe (a Node
 * option: the CLI then starts without its startup snapshot, and CPU is NaN),
 * and `probe: false` measures the wall time alone.
 */
function processRun(args, env = {}, allowed = [0, 1], probe = true) {
  // The command runs itself; anything else is a script for this Node.
  const ownProgram = args[0] === command
  const timed = gnuTime && probe
  const program = timed ? gnuTime : ownProgram ? command : process.execPath
  const nodeArgs = ownProgram ? args : [process.execPath, ...args]
  const argv = timed ? ['-f', 'postedit-bench-time %M %U %S', ...nodeArgs] : ownProgram ? args.slice(1) : [...(probe ? ['--import', pathToFileURL(peakProbe).href] : []), ...args]
  const start = performance.now()
  const child = spawnSync(program, argv, {encoding: 'utf8', env: {...process.env, ...env}, maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe']})
  const ms = performance.now() - start
  if (!allowed.includes(child.status)) throw new Error(`${args.join(' ')} exited with ${child.status}: ${child.stderr.slice(-500)}`)
  const time = /postedit-bench-time (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr)
  if (time) return {ms, peak: Number(time[1]) * 1024, cpuMs: (Number(time[2]) + Number(time[3])) * 1000}
  return {ms, peak: Number(/postedit-bench-peak (\d+)/.exec(child.stderr)?.[1] ?? NaN), cpuMs: NaN}
}

/** The median of `runs` whole-process runs (CPU: the median too; peak memory: the largest seen). */
function processMedian(args, count = runs, env = {}, allowed = [0, 1], probe = true) {
  const results = Array.from({length: count}, () => processRun(args, env, allowed, probe))
  return {ms: median(results.map((r) => r.ms)), cpuMs: median(results.map((r) => r.cpuMs)), peak: Math.max(...results.map((r) => r.peak))}
}
const cpuText = (run) => (Number.isNaN(run.cpuMs) ? '' : `, CPU ${seconds(run.cpuMs)}`)

// The clean news corpus beside the checkout (main) or two levels up (a worktree), when there is one.
const corpus = ['..', '../..']
  .map((up) => join(root, up, 'shared/corpora/clean/ntrex128/newstest2019-src.eng.txt'))
  .find((path) => existsSync(path))

/** About `bytes` of English news: the local clean corpus when present, else the seed repeated. */
function newsText(bytes) {
  const base = corpus ? readFileSync(corpus, 'utf8') : readFileSync(seed, 'utf8')
  const parts = []
  let length = 0
  while (length < bytes) {
    parts.push(base, '\n\n')
    length += base.length + 2
  }
  return parts.join('').slice(0, bytes)
}

/**
 * `count` different articles of about `words` words each: consecutive lines of
 * the clean corpus (the seed's paragraphs when it is absent), one paragraph a line.
 */
function articles(count, words) {
  const lines = (corpus ? readFileSync(corpus, 'utf8') : readFileSync(seed, 'utf8')).split(/\n+/).filter((text) => text.trim())
  const texts = []
  let next = 0
  for (let i = 0; i < count; i++) {
    const paragraphs = []
    for (let total = 0; total < words; next++) {
      const paragraph = lines[next % lines.length]
      paragraphs.push(paragraph)
      total += paragraph.split(/\s+/).length
    }
    texts.push(`${paragraphs.join('\n\n')}\n`)
  }
  return texts
}

// The peer pipeline, run as its own process: retext-english + retext-spell with dictionary-en.
const peer = join(work, 'retext-spell.mjs')
writeFileSync(
  peer,
  `import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
const require = createRequire(${JSON.stringify(join(root, 'package.json'))})
const load = (name) => import(require.resolve(name))
const [{unified}, {default: retextEnglish}, {default: retextSpell}, {default: dictionary}, {VFile}] = await Promise.all(['unified', 'retext-english', 'retext-spell', 'dictionary-en', 'vfile'].map(load))
const processor = unified().use(retextEnglish).use(retextSpell, {dictionary})
const file = new VFile(readFileSync(process.argv[2], 'utf8'))
await processor.run(processor.parse(file), file)
console.log(file.messages.length)
`
)

const results = {machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, node: process.version, runs, date: new Date().toISOString(), figures: {}}
const record = (name, value) => {
  results.figures[name] = value
}
const line = (label, text) => console.log(`${label.padEnd(52)} ${text}`)

results.text = corpus ? 'clean news corpus (ntrex128 newstest2019)' : 'the seed article repeated'
console.log(`postedit benchmark (node ${process.version}, ${results.machine}; medians of ${runs} whole-process runs; text: ${results.text})`)
// Warm the on-disk caches (validated packs, snapshots, word forms) as any second run finds them.
processRun([cli, seed])

// One article, cold process.
const floor = processMedian(['-e', '0'], runs, {}, [0])
const peerArticle = processMedian([peer, seed], runs, {}, [0])
// Without the memory probe unless GNU time measures: a Node option would make the CLI skip its startup snapshot.
const article = processMedian([command, seed], runs, {}, [0, 1], Boolean(gnuTime))
const articleNodeCli = processMedian([cli, seed], runs, {}, [0, 1], Boolean(gnuTime))
const articleNoSnapshot = processMedian([cli, seed], runs, {POSTEDIT_SNAPSHOT: '0'}, [0, 1], Boolean(gnuTime))
const articleFix = processMedian([command, '--fix', '--stdout', seed], runs, {}, [0, 1], Boolean(gnuTime))
line('node -e 0', seconds(floor.ms))
line('one article, retext-spell pipeline', `${seconds(peerArticle.ms)} (${ratio(peerArticle.ms, floor.ms)} node -e 0)`)
line('one article, postedit FILE', `${seconds(article.ms)}${cpuText(article)} (${ratio(article.ms, floor.ms)} node -e 0, ${ratio(article.ms, peerArticle.ms)} retext-spell; target ≤0.25 s, ≤5x)`)
line('one article, node dist/cli.js FILE', `${seconds(articleNodeCli.ms)}${cpuText(articleNodeCli)} (${ratio(articleNodeCli.ms, floor.ms)} node -e 0)`)
line('one article, without the startup snapshot', `${seconds(articleNoSnapshot.ms)}${cpuText(articleNoSnapshot)} (${ratio(articleNoSnapshot.ms, floor.ms)} node -e 0)`)
line('one article, postedit --fix --stdout FILE', seconds(articleFix.ms))
record('oneArticle', {ms: article.ms, cpuMs: article.cpuMs, nodeCliMs: articleNodeCli.ms, nodeFloorCpuMs: floor.cpuMs, noSnapshotMs: articleNoSnapshot.ms, fixMs: articleFix.ms, nodeFloorMs: floor.ms, retextSpellMs: peerArticle.ms, timesFloor: article.ms / floor.ms, timesRetextSpell: article.ms / peerArticle.ms})

// 1 MB, cold process.
const megabyteFile = join(work, 'one-megabyte.txt')
const megabyte = newsText(1_000_000)
writeFileSync(megabyteFile, megabyte)
const peerMegabyte = processMedian([peer, megabyteFile], Math.min(runs, 3), {}, [0])
const cold = processMedian([command, megabyteFile], Math.min(runs, 3))
const coldNoSnapshot = processMedian([cli, megabyteFile], Math.min(runs, 3), {POSTEDIT_SNAPSHOT: '0'})
line('1 MB, retext-spell pipeline', `${seconds(peerMegabyte.ms)}${cpuText(peerMegabyte)}, ${mib(peerMegabyte.peak)}`)
line('1 MB, postedit FILE', `${seconds(cold.ms)}${cpuText(cold)}, ${mib(cold.peak)} (${ratio(cold.ms, peerMegabyte.ms)} retext-spell; target ≤1.0 s, ≤250 MiB)`)
line('1 MB, without the startup snapshot', `${seconds(coldNoSnapshot.ms)}${cpuText(coldNoSnapshot)}, ${mib(coldNoSnapshot.peak)}`)
record('oneMegabyte', {
  ms: cold.ms,
  cpuMs: cold.cpuMs,
  peakBytes: cold.peak,
  noSnapshotMs: coldNoSnapshot.ms,
  noSnapshotCpuMs: coldNoSnapshot.cpuMs,
  noSnapshotPeakBytes: coldNoSnapshot.peak,
  retextSpellMs: peerMegabyte.ms,
  retextSpellCpuMs: peerMegabyte.cpuMs,
  retextSpellPeakBytes: peerMegabyte.peak,
  timesRetextSpell: cold.ms / peerMegabyte.ms
})

// In process: throughput on the 1 MB text against parsing alone, and a warm re-check of one article.
const {posteditSync, loadRules} = await import(join(root, 'dist/index.js'))
const {processesFor} = await import(join(root, 'dist/lint/pool.js'))
const {unified} = await import('unified')
const {default: retextEnglish} = await import('retext-english')
const parser = unified().use(retextEnglish)
const timed = (work) => {
  const start = performance.now()
  work()
  return performance.now() - start
}
const chunked = (text, size) => {
  // Parse in the same pieces postedit checks a long text in, so both sides do the same parse.
  const pieces = []
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size)
    const gap = text.lastIndexOf('\n\n', end)
    if (end < text.length && gap > start) end = gap + 2
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}
posteditSync(megabyte.slice(0, 20_000)) // load packs and dictionaries once
// CPU time beside wall time: on a shared machine the wall clock counts the other jobs too.
const cpuTimed = (work) => {
  const start = process.cpuUsage()
  work()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const pieces = chunked(megabyte, 64_000)
const parseRuns = []
const lintRuns = []
// Throughput is a steady state: one untimed run of each side first. A process's first pass over a
// text pays once for its vocabulary (spelling verdicts and suggestions, name lookups per word type)
// and its second still runs code V8 has not finished optimising (about 30% slower than the fifth).
pieces.forEach((piece) => parser.parse(piece))
posteditSync(megabyte)
// Alternating, so both sides see the same load.
for (let run = 0; run < 5; run++) {
  parseRuns.push([timed(() => pieces.forEach((piece) => parser.parse(piece))), cpuTimed(() => pieces.forEach((piece) => parser.parse(piece)))])
  lintRuns.push([timed(() => posteditSync(megabyte)), cpuTimed(() => posteditSync(megabyte))])
}
const parseMs = median(parseRuns.map(([wall]) => wall))
const lintMs = median(lintRuns.map(([wall]) => wall))
const parseCpu = median(parseRuns.map(([, cpu]) => cpu))
const lintCpu = median(lintRuns.map(([, cpu]) => cpu))
line('1 MB in process, retext-english parse alone', `${seconds(parseMs)} (${(1 / (parseMs / 1000)).toFixed(2)} MB/s), CPU ${seconds(parseCpu)}`)
line('1 MB in process, postedit', `${seconds(lintMs)} (${(1 / (lintMs / 1000)).toFixed(2)} MB/s: ${ratio(parseMs, lintMs)} the parse's throughput, CPU ${ratio(parseCpu, lintCpu)}; target ≥0.5x)`)
record('inProcess', {megabyteMs: lintMs, parseOnlyMs: parseMs, throughputVsParse: parseMs / lintMs, megabyteCpuMs: lintCpu, parseOnlyCpuMs: parseCpu, cpuThroughputVsParse: parseCpu / lintCpu})

const articleText = readFileSync(seed, 'utf8')
posteditSync(articleText)
const warmRuns = Array.from({length: 21}, () => [timed(() => posteditSync(articleText)), cpuTimed(() => posteditSync(articleText))])
const warm = median(warmRuns.map(([wall]) => wall))
const warmCpu = median(warmRuns.map(([, cpu]) => cpu))
line('one article re-checked in process (warm)', `${warm.toFixed(1)} ms median, CPU ${warmCpu.toFixed(1)} ms (target ≤10 ms)`)
record('warmArticle', {medianMs: warm, medianCpuMs: warmCpu})

// Packs of 10,000 and 50,000 generated entries: lint time beside the default packs, and load time.
function generatedPack(size) {
  const lines = ['pack: generated', `description: generated for the benchmark at ${Date.now()}`, 'entries:']
  for (let i = 0; i < size; i++) {
    const word = `zq${i.toString(36)}x`
    const tail = i % 7 === 0 ? 'file' : 'vex'
    lines.push(`  - {id: e${i}, type: substitution, match: "${word} ${tail}", replace: "${word} issue", fix: auto, note: generated, examples: [{in: "a ${word} ${tail}", out: "a ${word} issue"}]}`)
  }
  const file = join(work, `generated-${size}.yml`)
  writeFileSync(file, lines.join('\n'))
  return file
}
for (const size of flags.quick ? [] : [10_000, 50_000]) {
  const file = generatedPack(size)
  const load = timed(() => loadRules(['default', file]))
  // A second process finds the pack in the cache: what every later run pays.
  const cached = Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', `const {loadRules} = await import(${JSON.stringify(join(root, 'dist/index.js'))}); loadRules(['default']); const t = performance.now(); loadRules(['default', ${JSON.stringify(file)}]); console.log(performance.now() - t)`], {encoding: 'utf8'})
  )
  // A steady state, as the default's figure: a new rule set first fills its own per-word caches.
  const packs = ['default', file]
  posteditSync(megabyte, {packs})
  const withPack = median([0, 1, 2].map(() => timed(() => posteditSync(megabyte, {packs}))))
  line(`1 MB in process, default + ${size.toLocaleString('en')} entries`, `${seconds(withPack)} (${ratio(withPack, lintMs)} default); pack load ${seconds(load)} first, ${seconds(cached)} cached`)
  record(`pack${size}`, {megabyteMs: withPack, timesDefault: withPack / lintMs, loadFirstMs: load, loadCachedMs: cached})
}

// 50 MB: peak memory of a whole process (long inputs are checked in pieces).
const huge = join(work, 'fifty-megabytes.txt')
writeFileSync(huge, newsText(50_000_000))
const big = processRun([command, huge])
rmSync(huge)
line('50 MB, postedit FILE', `${seconds(big.ms)}${cpuText(big)}, ${mib(big.peak)} peak (target <400 MiB)`)
record('fiftyMegabytes', {ms: big.ms, cpuMs: big.cpuMs, peakBytes: big.peak})

// 1,000 different articles of about 470 words: a pool of one process per core (POSTEDIT_WORKERS=cores)
// against one process (POSTEDIT_WORKERS=1), alternating. By default postedit starts one process per two
// cores (src/lint/pool.ts, processesFor): on this machine's two, one.
// The articles are consecutive lines of the clean corpus, which comes round again about every 90
// articles: after the first round most words hit per-word caches, which every process fills on its own.
// `node scripts/bench-pool.mjs` measures the same quickly (fewer files, more rounds, other builds beside).
const folder = join(work, 'articles')
mkdirSync(folder)
articles(1000, 470).forEach((text, i) => writeFileSync(join(folder, `article-${String(i).padStart(4, '0')}.txt`), text))
const pooledRuns = []
const singleRuns = []
for (let run = 0; run < Math.min(runs, 3); run++) {
  pooledRuns.push(processRun([command, '--format', 'json', folder], {POSTEDIT_WORKERS: String(availableParallelism())}))
  singleRuns.push(processRun([command, '--format', 'json', folder], {POSTEDIT_WORKERS: '1'}))
}
const summary = (list) => ({ms: median(list.map((r) => r.ms)), cpuMs: median(list.map((r) => r.cpuMs)), peak: Math.max(...list.map((r) => r.peak))})
const pooled = summary(pooledRuns)
const single = summary(singleRuns)
line('1,000 articles, one process', `${seconds(single.ms)}${cpuText(single)}, ${mib(single.peak)}`)
line(`1,000 articles, pool of ${availableParallelism()} processes`, `${seconds(pooled.ms)}${cpuText(pooled)}, ${mib(pooled.peak)} (the largest process; ${ratio(single.ms, pooled.ms)} faster, ${ratio(pooled.cpuMs, single.cpuMs)} the CPU; target ≥1.8x)`)
line('1,000 articles, by default', `${processesFor(1000, availableParallelism())} process(es) on ${availableParallelism()} cores (one per two)`)
record('thousandArticles', {
  cores: availableParallelism(),
  defaultProcesses: processesFor(1000, availableParallelism()),
  pooledMs: pooled.ms,
  pooledCpuMs: pooled.cpuMs,
  pooledPeakBytes: pooled.peak,
  singleThreadMs: single.ms,
  singleThreadCpuMs: single.cpuMs,
  singleThreadPeakBytes: single.peak,
  speedup: single.ms / pooled.ms
})

mkdirSync(dirname(jsonPath), {recursive: true})
writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`)
rmSync(work, {recursive: true, force: true})
console.log(`written: ${jsonPath}`)
