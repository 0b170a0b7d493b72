import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {POOL_THRESHOLD, processesFor} from '../src/lint/pool.js'
import {cli, run, scratch} from './support/cli.js'

const seed = readFileSync(resolve(import.meta.dirname, '../seeds/000_d42d0455121f1d6a.txt'), 'utf8')
/** `length` characters of the seed article from `start` on, round its end. */
const part = (start: number, length: number) => (seed + seed).slice(start % seed.length, (start % seed.length) + length)
const snapshot = resolve(import.meta.dirname, '../dist/snapshot/postedit.blob')

// Sentences of the kind a desk gets from machine translation, each with
// something postedit reports (and fixes): Arabic punctuation and digits, a slip.
const sentences = [
  'The minister said on Tuesday that the talks would resume next week، according to officials.',
  'The governor visited the city of Basra on ٣ March and met with the tribal sheikhs.',
  'The ministry of health recieved 200 tons of medical aid from neighbouring countries.',
  'Parliament is expected to vote on the budget law before the end of the month؛ the session was postponed twice.',
  'The central bank kept its main interest rate at ٥ percent, citing the decline in oil revenues.',
  'Hundreds of families returned to their homes after the army announced the end of the operation.',
  'The delegation will travel to Cairo to discuss the reconstruction plan with Egyptian officials.'
]

/**
 * A folder of `count` different articles, enough for the pool: the seed
 * article with a paragraph of its own around it, a few in Markdown and HTML
 * (each format's parser loads in the worker too), and a subfolder whose
 * configuration turns a rule off (each job carries its own settings).
 */
function articles(count: number): string {
  const folder = scratch('postedit-pool-')
  mkdirSync(join(folder, 'desk'))
  writeFileSync(join(folder, 'desk', '.posteditrc.json'), JSON.stringify({rules: {'typography.arabic-digits': 'off'}}))
  for (let index = 0; index < count; index++) {
    const own = [sentences[index % sentences.length], sentences[(index * 3 + 1) % sentences.length]].join(' ')
    const name = `article-${String(index).padStart(3, '0')}`
    if (index % 9 === 4) writeFileSync(join(folder, `${name}.md`), `# Report ${index}\n\n${own}\n\n\`code، ٣\`\n\n${part(index * 50, 1500)}\n`)
    else if (index % 9 === 7) writeFileSync(join(folder, `${name}.html`), `<article><h1>Report ${index}</h1><p>${own}</p><p>${part(index * 70, 800)}</p></article>\n`)
    else writeFileSync(join(folder, index % 5 === 2 ? 'desk' : '.', `${name}.txt`), index % 2 ? `${own}\n\n${part(index * 40, 1200)}` : `${part(index * 30, 1000)}\n${own}\n`)
  }
  return folder
}

// Just enough files for two workers (this process and one more): short ones, the test stays quick.
const count = POOL_THRESHOLD + 6
const one = {POSTEDIT_WORKERS: '1'}
// Two processes, asked for: by default a machine of two cores checks in one (see processesFor).
const two = {POSTEDIT_WORKERS: '2'}

describe('how many processes check a run', () => {
  it('starts one per two cores, each with enough files to pay for it', () => {
    // One process keeps about 1.5 cores busy: a second on two cores only slows the run.
    expect(processesFor(1000, 2)).toBe(1)
    expect(processesFor(1000, 4)).toBe(2)
    expect(processesFor(1000, 16)).toBe(8)
    expect(processesFor(POOL_THRESHOLD, 16)).toBe(1)
    expect(processesFor(POOL_THRESHOLD * 3, 16)).toBe(3)
    expect(processesFor(1000, 1)).toBe(1)
  })

  it('starts as many as POSTEDIT_WORKERS asks, up to one per core', () => {
    expect(processesFor(1000, 2, 2)).toBe(2)
    expect(processesFor(1000, 2, 8)).toBe(2)
    expect(processesFor(1000, 16, 1)).toBe(1)
    expect(processesFor(10, 16, 4)).toBe(1)
  })
})

describe('checking many files in a pool of workers', () => {
  const folder = articles(count)

  it('reports exactly what checking them one at a time reports, in every format', () => {
    for (const args of [['--format', 'json', '.'], ['.'], ['--summary', '.'], ['--diff', '.']]) {
      const pooled = run(args, {cwd: folder, env: two})
      const single = run(args, {cwd: folder, env: one})
      expect(pooled.stderr).toBe(single.stderr)
      expect(pooled.code).toBe(single.code)
      expect(pooled.stdout).toBe(single.stdout)
    }
    const reports = JSON.parse(run(['--format', 'json', '.'], {cwd: folder, env: two}).stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    // Every file is reported, and the folder's configuration held in its files.
    expect(reports).toHaveLength(count)
    const ruleIds = (report: {messages: Array<{ruleId: string}>}) => report.messages.map((message) => message.ruleId)
    expect(reports.filter((report) => report.path.includes('desk')).flatMap(ruleIds)).not.toContain('typography.arabic-digits')
    expect(reports.flatMap(ruleIds)).toContain('typography.arabic-digits')
  }, 240_000)

  it('gives the same results without the startup snapshot (worker threads) and beside a results cache (worker processes)', () => {
    const single = run(['--format', 'json', '.'], {cwd: folder, env: one}).stdout
    expect(run(['--format', 'json', '.'], {cwd: folder, env: {...two, POSTEDIT_SNAPSHOT: '0'}}).stdout).toBe(single)
    // --cache runs start without the snapshot; their workers still can.
    const cached = run(['--format', 'json', '--cache', '--cache-location', join(scratch(), 'cache'), '.'], {cwd: folder, env: two})
    expect(cached.stdout).toBe(single)
  }, 240_000)

  it('fixes every file as one at a time does', () => {
    const pooled = articles(count)
    const single = articles(count)
    expect(run(['--fix', '.'], {cwd: pooled, env: two}).code).toBe(run(['--fix', '.'], {cwd: single, env: one}).code)
    const texts = (root: string) => ['.', 'desk'].flatMap((sub) => readdirSync(join(root, sub)).filter((name) => !name.startsWith('.') && name !== 'desk').map((name) => readFileSync(join(root, sub, name), 'utf8')))
    expect(texts(pooled)).toEqual(texts(single))
    expect(texts(pooled).join('')).not.toContain('recieved')
  }, 240_000)
})

/** The parent of process `pid`, or undefined when it is gone (Linux). */
function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
  } catch {
    return undefined
  }
}

/** Whether process `pid` still runs (a zombie has ended). */
function running(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z')
  } catch {
    return false
  }
}

/** The children of process `pid` whose command line contains `text`. */
function childrenOf(pid: number, text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && parentOf(Number(entry)) === pid)
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)
      } catch {
        return false
      }
    })
    .map(Number)
}

/** Poll until `done` holds, for at most 30 s (a bound on a wait, not a measured time). */
async function eventually(done: () => boolean): Promise<boolean> {
  for (let tries = 0; tries < 600 && !done(); tries++) await new Promise((resolve) => setTimeout(resolve, 50))
  return done()
}

describe.runIf(existsSync(snapshot) && existsSync('/proc/self/stat'))('a worker process', () => {
  // Many files: the run is still checking them when a process is killed.
  const folder = articles(POOL_THRESHOLD * 4)
  const start = (stdout: 'ignore' | 'pipe') => spawn(process.execPath, [cli, '--format', 'json', folder], {stdio: ['ignore', stdout, 'pipe'], env: {...process.env, ...two, POSTEDIT_SNAPSHOT: 'require'}})
  // The CLI runs from the snapshot in its child, whose child is the worker.
  const workersOf = (launcher: number) => childrenOf(launcher, '--snapshot-blob').flatMap((run) => childrenOf(run, '--internal-snapshot-worker').map((worker) => ({run, worker})))

  it('ends when the run it works for is killed', async () => {
    const launcher = start('ignore')
    try {
      expect(await eventually(() => workersOf(launcher.pid!).length === 1)).toBe(true)
      const [{run: parent, worker}] = workersOf(launcher.pid!) as [{run: number; worker: number}]
      process.kill(parent, 'SIGKILL')
      expect(await eventually(() => !running(worker))).toBe(true)
    } finally {
      launcher.kill('SIGKILL')
    }
  }, 60_000)

  it('killed, leaves its files to the run, which reports every file as one process does', async () => {
    const launcher = start('pipe')
    const chunks: Buffer[] = []
    launcher.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk))
    const ended = new Promise<number | null>((resolve) => launcher.once('exit', resolve))
    expect(await eventually(() => workersOf(launcher.pid!).length === 1)).toBe(true)
    process.kill(workersOf(launcher.pid!)[0]!.worker, 'SIGKILL')
    const code = await ended
    const single = spawnSync(process.execPath, [cli, '--format', 'json', folder], {encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, ...one}})
    expect(code).toBe(single.status)
    expect(Buffer.concat(chunks).toString('utf8')).toBe(single.stdout)
  }, 120_000)
})
