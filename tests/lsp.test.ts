import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {
  CodeActionKind,
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit
} from 'vscode-languageserver-protocol/node'
import {cli, run, scratch} from './support/cli.js'

const root = resolve(import.meta.dirname, '..')
const seed = (extension: string) => readFileSync(join(root, 'seeds', `000_d42d0455121f1d6a${extension}`), 'utf8')

/** A real LSP client over a child process running the built server. */
class Client {
  readonly connection: ProtocolConnection
  private readonly child: ChildProcess
  private readonly published: PublishDiagnosticsParams[] = []
  private readonly waiting: Array<() => void> = []

  constructor(command: string[], folder: string) {
    this.child = spawn(process.execPath, command, {cwd: folder, stdio: ['pipe', 'pipe', 'inherit']})
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!))
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params)
      for (const wake of this.waiting.splice(0)) wake()
    })
    this.connection.listen()
  }

  async initialize(folder: string, initializationOptions: object = {}) {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{uri: pathToFileURL(folder).href, name: 'news'}],
      capabilities: {},
      initializationOptions
    })
    await this.connection.sendNotification(InitializedNotification.type, {})
    return result
  }

  /** The next diagnostics published for `uri` that satisfy `accept`. */
  async diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const index = this.published.findIndex((params) => params.uri === uri && accept(params))
      if (index >= 0) return this.published.splice(0, index + 1).at(-1)!
      await new Promise<void>((wake) => this.waiting.push(wake))
    }
  }

  async stop() {
    await this.connection.sendRequest(ShutdownRequest.type)
    await this.connection.sendNotification(ExitNotification.type)
    const code = await new Promise<number | null>((done) => this.child.once('exit', done))
    this.connection.dispose()
    return code
  }
}

let client: Client | undefined
afterEach(async () => {
  await client?.stop()
  client = undefined
})

/** The text a diagnostic's range covers. */
const covered = (document: TextDocument, diagnostic: Diagnostic) => document.getText(diagnostic.range)

// A server start loads dictionaries and packs: on a loaded 2-core machine that takes a while.
describe('language server (postedit-lsp)', {timeout: 120_000}, () => {
  it('reports the seed article, fixes one problem, fixes all safe ones to the gold text, and follows changes', async () => {
    client = new Client([join(root, 'dist', 'postedit-lsp.js')], root)
    const {capabilities} = await client.initialize(root, {debounce: 50})
    expect(capabilities.codeActionProvider).toMatchObject({codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.postedit'])})

    const uri = pathToFileURL(join(root, 'seeds', '000_d42d0455121f1d6a.txt')).href
    const text = seed('.txt')
    const document = TextDocument.create(uri, 'plaintext', 1, text)
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
    const {diagnostics, version} = await client.diagnostics(uri)
    expect(version).toBe(1)

    // Known problems of the seed, each with the range of exactly its words.
    const byCode = new Map(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic]))
    const calque = byCode.get('calques.video-circle')!
    expect(covered(document, calque)).toBe('through the video circle')
    expect(calque).toMatchObject({source: 'postedit', severity: 2, range: {start: document.positionAt(984), end: document.positionAt(1008)}})
    expect(covered(document, byCode.get('terms.covid-19')!)).toBe('Coved 19')
    expect(covered(document, byCode.get('titles.near-eastern-affairs')!)).toBe('Near East Affairs')
    // A problem a person must solve has no fix, but is reported all the same.
    expect(byCode.has('needs-human.inverted-threat')).toBe(true)

    // A quick fix at one problem.
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: calque.range,
      context: {diagnostics: [calque], only: [CodeActionKind.QuickFix]}
    })) as CodeAction[]
    const preferred = actions.find((action) => action.isPreferred)!
    expect(preferred.kind).toBe('quickfix')
    const oneFix = TextDocument.applyEdits(document, preferred.edit!.changes![uri]!)
    expect(oneFix).toBe(text.replace('through the video circle', 'via videoconference'))

    // Fix all safe problems: exactly the gold text.
    const all = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: [CodeActionKind.SourceFixAll]}
    })) as CodeAction[]
    expect(all.map((action) => action.kind)).toEqual(['source.fixAll.postedit'])
    const edits: TextEdit[] = all[0]!.edit!.changes![uri]!
    expect(edits.length).toBeGreaterThan(1)
    expect(TextDocument.applyEdits(document, edits)).toBe(seed('.gold.txt'))

    // The editor applies the edits as incremental changes (last first, so earlier ranges hold): new diagnostics follow.
    const changes = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start)).map((edit) => ({range: edit.range, text: edit.newText}))
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version: 2}, contentChanges: changes})
    const after = await client.diagnostics(uri, (params) => params.version === 2)
    const codes = after.diagnostics.map((diagnostic) => diagnostic.code)
    expect(codes).not.toContain('calques.video-circle')
    expect(codes).not.toContain('terms.covid-19')
    expect(codes).toContain('needs-human.inverted-threat')
    expect(await client.stop()).toBe(0)
    client = undefined
  })

  it('`postedit --lsp` reads Markdown with UTF-16 ranges and re-checks when the configuration changes', async () => {
    const folder = scratch()
    writeFileSync(join(folder, '.posteditrc.json'), JSON.stringify({rules: {'calques.video-circle': 'warning'}}))
    const file = join(folder, 'brief.md')
    // Our own sentence: an emoji (two UTF-16 units) before the problem, so the range is in UTF-16 units
    // (18 + 2 + 5 = 25, not 24 code points); and code, which must never be flagged.
    const text = '# Talks 🌍🌍\n\nThe two ministers 🤝 met through the video circle on Monday. `through the video circle`\n'
    writeFileSync(file, text)
    client = new Client([cli, '--lsp', '--stdio'], folder)
    await client.initialize(folder, {debounce: 0})
    const uri = pathToFileURL(file).href
    const document = TextDocument.create(uri, 'markdown', 1, text)
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'markdown', version: 1, text}})
    const first = await client.diagnostics(uri)
    const calques = first.diagnostics.filter((diagnostic) => diagnostic.code === 'calques.video-circle')
    expect(calques).toHaveLength(1)
    expect(calques[0]!.range).toEqual({start: {line: 2, character: 25}, end: {line: 2, character: 49}})
    expect(covered(document, calques[0]!)).toBe('through the video circle')
    expect(calques[0]!.severity).toBe(2)

    // The configuration now makes it an error: the watched-file notice re-checks the open document.
    writeFileSync(join(folder, '.posteditrc.json'), JSON.stringify({rules: {'calques.video-circle': 'error'}}))
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: pathToFileURL(join(folder, '.posteditrc.json')).href, type: FileChangeType.Changed}]})
    const second = await client.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'calques.video-circle' && diagnostic.severity === 1))
    expect(second.diagnostics.filter((diagnostic) => diagnostic.code === 'calques.video-circle')).toHaveLength(1)

    // A broken configuration is said at the top of the document.
    writeFileSync(join(folder, '.posteditrc.json'), JSON.stringify({rules: {'calques.no-such-rule': 'error'}}))
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: pathToFileURL(join(folder, '.posteditrc.json')).href, type: FileChangeType.Changed}]})
    const broken = await client.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'config'))
    expect(broken.diagnostics[0]!.message).toMatch(/unknown rule id `calques\.no-such-rule`/)
  })

  it('offers a suggestion without a fix as a quick fix that is not preferred, and checks only the prose of HTML', async () => {
    const folder = scratch()
    const file = join(folder, 'note.txt')
    const text = 'The governor visitted the flooded villages on Friday.\n'
    writeFileSync(file, text)
    client = new Client([join(root, 'dist', 'postedit-lsp.js')], folder)
    await client.initialize(folder)
    const uri = pathToFileURL(file).href
    const document = TextDocument.create(uri, 'plaintext', 1, text)
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
    const {diagnostics} = await client.diagnostics(uri)
    const slip = diagnostics.find((diagnostic) => covered(document, diagnostic) === 'visitted')!
    expect(slip).toBeDefined()
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: slip.range, context: {diagnostics: [slip]}})) as CodeAction[]
    const visited = actions.find((action) => action.title.includes('“visited”'))!
    expect(visited.kind).toBe('quickfix')
    expect(TextDocument.applyEdits(document, visited.edit!.changes![uri]!)).toBe(text.replace('visitted', 'visited'))

    // An HTML document: the prose is checked, the link target never.
    const page = join(folder, 'page.html')
    const html = '<p>The governor visitted <a href="https://example.org/visitted-villages">the villages</a>.</p>\n'
    writeFileSync(page, html)
    const pageUri = pathToFileURL(page).href
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri: pageUri, languageId: 'html', version: 1, text: html}})
    const pageDiagnostics = (await client.diagnostics(pageUri)).diagnostics
    const pageDocument = TextDocument.create(pageUri, 'html', 1, html)
    expect(pageDiagnostics.map((diagnostic) => [covered(pageDocument, diagnostic), pageDocument.offsetAt(diagnostic.range.start)])).toEqual([['visitted', html.indexOf('visitted')]])

    // A file the folder's .posteditignore excludes gets no diagnostics, as the command skips it;
    // once the ignore file no longer lists it, the watched-file notice checks it.
    mkdirSync(join(folder, 'archive'))
    writeFileSync(join(folder, '.posteditignore'), 'archive/\n')
    const old = join(folder, 'archive', 'old.txt')
    writeFileSync(old, text)
    const oldUri = pathToFileURL(old).href
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri: oldUri, languageId: 'plaintext', version: 1, text}})
    expect((await client.diagnostics(oldUri)).diagnostics).toEqual([])
    writeFileSync(join(folder, '.posteditignore'), '')
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: pathToFileURL(join(folder, '.posteditignore')).href, type: FileChangeType.Changed}]})
    const rechecked = await client.diagnostics(oldUri, (params) => params.diagnostics.length > 0)
    expect(rechecked.diagnostics.map((diagnostic) => covered(document, diagnostic))).toContain('visitted')
  })
})

describe('postedit --lsp on the command line', () => {
  it('refuses files or options beside --lsp, saying why', () => {
    const result = run(['--lsp', 'article.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--lsp runs the language server over stdio and takes no other option or file/)
  })
})
