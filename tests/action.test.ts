import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  shell?: string
  env?: Record<string, string>
  with?: Record<string, string>
  'working-directory'?: string
}
interface Action {
  inputs: Record<string, {default?: string}>
  outputs: Record<string, {value: string}>
  runs: {using: string; steps: Step[]}
}

const repository = resolve('.')
const action = parse(readFileSync('action.yml', 'utf8')) as Action
const steps = action.runs.steps
const stepNamed = (name: string) => steps.find((step) => step.name === name)!

const folder = mkdtempSync(join(tmpdir(), 'postedit-action-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

/** The value of `${{ … }}` expressions as the runner would give them for `inputs`. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return repository
    const input = /^inputs\.([\w-]+)$/.exec(expression)
    if (input) return inputs[input[1]!] ?? action.inputs[input[1]!]?.default ?? ''
    const output = /^steps\.check\.outputs\.([\w-]+)$/.exec(expression)
    if (output) return outputs[output[1]!] ?? ''
    throw new Error(`expression the test does not know: ${expression}`)
  })
}

/** Run a `run` step of the action with bash as the runner would, in `cwd`. */
function runStep(step: Step, inputs: Record<string, string>, outputs: Record<string, string>, cwd: string) {
  const output = join(folder, `output-${Math.random().toString(36).slice(2)}`)
  writeFileSync(output, '')
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, inputs, outputs)]))
  const result = spawnSync('bash', ['-e', '-c', expand(step.run!, inputs, outputs)], {
    cwd,
    env: {...process.env, ...env, GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: repository, POSTEDIT_WORKERS: '1'},
    encoding: 'utf8'
  })
  const produced = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: produced}
}

describe('the GitHub Action', () => {
  it('runs the postedit of its own ref, built in its own folder, never one fetched by name', () => {
    expect(action.runs.using).toBe('composite')
    const scripts = steps.map((step) => step.run ?? '').join('\n')
    expect(scripts).not.toMatch(/npx|postedit@|@latest|npm (?:install|i) -g/)
    const build = stepNamed("Build postedit from this action's own ref")
    expect(build['working-directory']).toBe('${{ github.action_path }}')
    expect(build.run).toMatch(/npm ci .*\n\s*npm run build/)
    expect(stepNamed('Run postedit').env!.POSTEDIT_BIN).toBe('${{ github.action_path }}/dist/cli.js')
  })

  it('uses every input it declares and declares every input it uses', () => {
    const text = readFileSync('action.yml', 'utf8')
    const used = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((match) => match[1]))
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  const articles = join(folder, 'articles')
  mkdirSync(articles)
  writeFileSync(join(articles, 'talks.txt'), 'The ministers met through the video circle on Monday.\n')

  it('writes SARIF, uploads it before failing, and fails afterwards', () => {
    const inputs = {format: 'sarif', files: 'articles', 'sarif-file': 'report.sarif'}
    const check = runStep(stepNamed('Run postedit'), inputs, {}, folder)
    // The check step itself succeeds, so the upload step runs.
    expect(check.status).toBe(0)
    expect(check.outputs).toEqual({'sarif-file': 'report.sarif', status: '1'})
    const sarif = JSON.parse(readFileSync(join(folder, 'report.sarif'), 'utf8')) as {runs: Array<{results: Array<{ruleId: string}>}>}
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['calques.video-circle'])

    const upload = stepNamed('Upload SARIF to code scanning')
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/)
    expect(upload.if).toContain('always()')
    expect(expand(upload.with!.sarif_file!, inputs, check.outputs)).toBe('report.sarif')

    const last = steps.at(-1)!
    expect(last.if).toContain('always()')
    expect(runStep(last, inputs, check.outputs, folder).status).toBe(1)
  })

  it('annotates with the github format and honours max-warnings', () => {
    const failing = runStep(stepNamed('Run postedit'), {files: 'articles'}, {}, folder)
    expect(failing.status).toBe(0)
    expect(failing.stdout).toMatch(/^::warning file=articles\/talks\.txt,line=1,.*calques\.video-circle/m)
    expect(failing.outputs).toEqual({status: '1'})
    const allowed = runStep(stepNamed('Run postedit'), {files: 'articles', 'max-warnings': '5'}, {}, folder)
    expect(allowed.outputs).toEqual({status: '0'})
    expect(runStep(steps.at(-1)!, {}, allowed.outputs, folder).status).toBe(0)
  })

  it('refuses an unknown format without a report to upload', () => {
    const check = runStep(stepNamed('Run postedit'), {format: 'html', files: 'articles'}, {}, folder)
    expect(check.outputs).toEqual({status: '2'})
    expect(check.stdout).toContain("::error::postedit action: format must be github or sarif, not 'html'")
  })
})
