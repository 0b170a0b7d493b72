import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

/**
 * The hook as pre-commit installs it: `pre-commit try-repo` clones this
 * repository (with uncommitted changes), runs `npm install` and `npm pack`
 * in it, installs the tarball and runs the hook on a consumer's files.
 * .ci/run installs pre-commit when it can; without it this is skipped and
 * packaging.test.ts still installs postedit from a git URL.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0
const work = mkdtempSync(join(tmpdir(), 'postedit-pre-commit-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

describe.skipIf(!hasPreCommit)('the pre-commit hook', () => {
  it('installs from the repository and reports a staged article', () => {
    const consumer = join(work, 'consumer')
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=editor@example.com', '-c', 'user.name=Editor', ...args], {cwd: consumer})
    execFileSync('git', ['init', '--quiet', consumer])
    writeFileSync(join(consumer, 'talks.txt'), 'The ministers met through the video circle on Monday.\n')
    git('add', 'talks.txt')
    git('commit', '--quiet', '-m', 'article')
    const result = spawnSync('pre-commit', ['try-repo', resolve('.'), 'postedit', '--files', 'talks.txt'], {
      cwd: consumer,
      encoding: 'utf8',
      env: {...process.env, PRE_COMMIT_HOME: join(work, 'cache'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false'}
    })
    expect(result.stdout).toContain('postedit.................................................................Failed')
    expect(result.stdout).toMatch(/talks\.txt\n1:19-1:43 +warning +Unexpected `through the video circle`, expected `via videoconference` +calques\.video-circle/)
    expect(result.status).toBe(1)
  }, 900_000)
})
