import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run, scratch} from './support/cli.js'

const article = 'They met through the video circle.\n'

/** A folder laid out from `files` (path → content), marked as a git repository top. */
function tree(files: Record<string, string>): string {
  const directory = scratch()
  mkdirSync(join(directory, '.git'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), {recursive: true})
    writeFileSync(join(directory, path), content)
  }
  return directory
}

describe('configuration files (issue 10, items 12 and 14)', () => {
  it('names the broken configuration file, not its folder', () => {
    const directory = tree({'.posteditrc.yml': 'rules: [unclosed\n', 'a.txt': article})
    const {code, stderr} = run(['a.txt'], {cwd: directory})
    expect(code).toBe(2)
    expect(stderr).toMatch(new RegExp(`^postedit: ${join(directory, '.posteditrc.yml').replaceAll('.', '\\.')}: cannot be read: `))
  })

  it('passes over a broken package.json that has nothing for postedit, with a warning', () => {
    const directory = tree({'package.json': '{"name": "site", oops', 'articles/a.txt': article})
    const {code, stdout, stderr} = run(['a.txt'], {cwd: join(directory, 'articles')})
    expect(code).toBe(0)
    expect(stdout).toMatch(/calques\.video-circle/)
    expect(stderr).toMatch(/^postedit: warning: .*package\.json: not read \(.*\); its "postedit" settings, if any, are not applied\n$/)
  })

  it('merges configuration files from parent folders, the nearest winning per key', () => {
    const directory = tree({
      '.posteditrc.yml': 'rules:\n  calques: error\n  typography: off\nwords: [goverment]\n',
      'desk/.posteditrc.yml': 'rules:\n  calques.video-circle: info\n',
      'desk/a.txt': 'The goverment said they met through the video circle , then left.\n',
      'alone/.posteditrc.yml': 'root: true\n',
      'alone/a.txt': 'The goverment said they met through the video circle , then left.\n'
    })
    const {stdout} = run(['--format', 'json', 'desk/a.txt', 'alone/a.txt'], {cwd: directory})
    const [desk, alone] = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; severity: string}>}>
    // Parent: typography off and the word accepted; child: the video-circle entry lowered to info.
    expect(desk!.messages.map((message) => [message.ruleId, message.severity])).toEqual([['calques.video-circle', 'info']])
    // root: true stops the merge: nothing of the parent applies.
    expect(alone!.messages.map((message) => message.ruleId).sort()).toEqual(['calques.video-circle', 'spelling.misspelling', 'typography.space-before-punctuation'])
  })

  it('refuses unknown rule ids in --disable and in inline comments, as in configuration', () => {
    const directory = tree({'a.txt': article, 'b.txt': `Intro.\n<!-- postedit-disable calques.video-circl -->\n${article}`})
    const flag = run(['--disable', 'calques.video-circl', 'a.txt'], {cwd: directory})
    expect([flag.code, flag.stderr]).toEqual([2, 'postedit: --disable: unknown rule id `calques.video-circl`\n'])
    const inline = run(['b.txt'], {cwd: directory})
    expect([inline.code, inline.stderr]).toEqual([2, 'postedit: b.txt: 2: unknown rule id `calques.video-circl` in a postedit-disable comment\n'])
  })
})

describe('inline comments for one line (issue 10, item 14)', () => {
  it('turns rules off on the next line or on the same line only', () => {
    const directory = tree({
      'a.txt': [
        '<!-- postedit-disable-next-line calques -->',
        'They met through the video circle.',
        'They met through the video circle. <!-- postedit-disable-line -->',
        'They met through the video circle.',
        ''
      ].join('\n')
    })
    const {stdout} = run(['--format', 'json', 'a.txt'], {cwd: directory})
    const [entry] = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; line: number}>}>
    expect(entry!.messages.map((message) => [message.line, message.ruleId])).toEqual([[4, 'calques.video-circle']])
  })
})

describe('which files are checked (issue 10, item 12)', () => {
  it('reads .posteditignore from every folder up to the repository top, as git reads .gitignore', () => {
    const directory = tree({
      '.posteditignore': 'drafts/\n',
      'news/.posteditignore': 'old-*.txt\n',
      'news/a.txt': article,
      'news/old-a.txt': article,
      'news/drafts/b.txt': article
    })
    const {stdout} = run(['--format', 'json', '.'], {cwd: join(directory, 'news')})
    expect((JSON.parse(stdout) as Array<{path: string}>).map((entry) => entry.path)).toEqual(['a.txt'])
    const named = run(['drafts/b.txt'], {cwd: join(directory, 'news')})
    expect([named.code, named.stderr]).toEqual([0, 'postedit: drafts/b.txt: ignored by .posteditignore (use --no-ignore to check it)\n'])
  })

  it('exits 0 with a note for a folder whose files are all ignored, as for an ignored file', () => {
    const directory = tree({'.posteditignore': 'drafts/\n', 'drafts/a.txt': article})
    const {code, stdout, stderr} = run(['drafts'], {cwd: directory})
    expect([code, stdout, stderr]).toEqual([0, '', 'postedit: drafts: every file found is ignored by .posteditignore (use --no-ignore to check them)\n'])
  })

  it('finds files with upper-case extensions in folders', () => {
    const directory = tree({'in/A.TXT': article, 'in/B.MD': article, 'in/c.Markdown': article, 'in/d.png': 'x'})
    const {stdout} = run(['--format', 'json', 'in'], {cwd: directory})
    expect((JSON.parse(stdout) as Array<{path: string}>).map((entry) => entry.path)).toEqual(['in/A.TXT', 'in/B.MD', 'in/c.Markdown'])
  })
})
