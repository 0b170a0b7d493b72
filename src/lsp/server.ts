import {extname, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {checkFile, prepareFor, type FileJob, type JsonMessage} from '../lint/check-file.js'
import {isIgnoredFile, TEXT_EXTENSIONS} from '../lint/inputs.js'
import type {Options} from '../postedit.js'
import {FIX_ALL_KIND, fixAllAction, isWanted, quickFixes, toDiagnostic} from './convert.js'
import {optionsForDocument} from './settings.js'

/** What the client may set in `initializationOptions`. */
interface InitializationOptions {
  /** Milliseconds to wait after the last change before checking again (default 300). */
  debounce?: number
}

/** How a document is read, by its language id, else by its extension; undefined: not ours. */
function formatOfDocument(document: TextDocument): Options['format'] | undefined {
  switch (document.languageId) {
    case 'markdown':
      return 'markdown'
    case 'html':
      return 'html'
    case 'plaintext':
    case 'text':
      return 'text'
  }
  const extension = extname(pathOf(document.uri) ?? '').slice(1).toLowerCase()
  if (!TEXT_EXTENSIONS.includes(extension)) return undefined
  return extension.startsWith('htm') ? 'html' : extension === 'md' || extension === 'markdown' ? 'markdown' : 'text'
}

/** The file behind a `file:` URI; undefined for an unsaved document. */
function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

/** The last check of a document: for its version, what was found. */
interface Checked {
  version: number
  job: FileJob
  messages: JsonMessage[]
}

/**
 * Serve postedit over the Language Server Protocol on `connection`:
 * diagnostics when a document opens and (debounced) when it changes, quick
 * fixes per fix and suggestion, "fix all safe problems"
 * (`source.fixAll.postedit`), settings per file from the configuration files
 * above it, as the CLI finds them, and a fresh check of every open document
 * when a configuration or pack file changes.
 */
export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const checked = new Map<string, Checked>()
  const timers = new Map<string, NodeJS.Timeout>()
  let folders: string[] = []
  let debounce = 300
  let watchDynamically = false

  /** The innermost workspace folder holding `path`, else the process's folder. */
  const cwdOf = (path: string | undefined) => {
    const holding = path === undefined ? [] : folders.filter((folder) => path.startsWith(folder.endsWith(sep) ? folder : folder + sep))
    return holding.sort((a, b) => b.length - a.length)[0] ?? folders[0] ?? process.cwd()
  }

  const check = async (document: TextDocument): Promise<void> => {
    const format = formatOfDocument(document)
    if (format === undefined) return
    const {uri, version} = document
    const text = document.getText()
    const path = pathOf(uri)
    let diagnostics: Diagnostic[]
    // Ignored as the command ignores it: an editor says nothing about it either.
    if (path !== undefined && isIgnoredFile(path)) {
      checked.delete(uri)
      await connection.sendDiagnostics({uri, version, diagnostics: []})
      return
    }
    try {
      const options = await optionsForDocument(path, text, cwdOf(path), (warning) => connection.console.warn(`postedit: ${warning}`))
      const job: FileJob = {path, value: text, options: {...options, format}}
      await prepareFor([job])
      // A newer version arrived meanwhile: its own check will report.
      if (documents.get(uri)?.version !== version) return
      const {messages} = checkFile(job)
      checked.set(uri, {version, job, messages})
      diagnostics = messages.map((message) => toDiagnostic(document, message))
    } catch (error) {
      // A broken configuration, pack or inline comment: said at the top of the document, not in a log nobody reads.
      checked.delete(uri)
      const reason = error instanceof Error ? error.message : String(error)
      connection.console.error(`postedit: ${reason}`)
      diagnostics = [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, message: reason, severity: 1, source: 'postedit', code: 'config'}]
    }
    if (documents.get(uri)?.version !== version) return
    await connection.sendDiagnostics({uri, version, diagnostics})
  }

  const schedule = (document: TextDocument, delay: number) => {
    clearTimeout(timers.get(document.uri))
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri)
        const current = documents.get(document.uri)
        if (current) void check(current)
      }, delay)
    )
  }

  const recheckAll = () => {
    for (const document of documents.all()) schedule(document, 0)
  }

  connection.onInitialize((params) => {
    const roots = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    folders = roots.flatMap((uri) => pathOf(uri) ?? [])
    const initial = params.initializationOptions as InitializationOptions | undefined
    if (typeof initial?.debounce === 'number' && initial.debounce >= 0) debounce = initial.debounce
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'postedit'}
    }
  })

  connection.onInitialized(() => {
    // Configuration files and packs: a change to any re-checks every open document.
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{globPattern: '**/.posteditrc*'}, {globPattern: '**/.posteditignore'}, {globPattern: '**/package.json'}, {globPattern: '**/*.{yml,yaml}'}]
      })
    }
  })

  connection.onNotification('workspace/didChangeWorkspaceFolders', (params: {event: {added: Array<{uri: string}>; removed: Array<{uri: string}>}}) => {
    const removed = new Set(params.event.removed.flatMap((folder) => pathOf(folder.uri) ?? []))
    folders = [...folders.filter((folder) => !removed.has(folder)), ...params.event.added.flatMap((folder) => pathOf(folder.uri) ?? [])]
    recheckAll()
  })
  connection.onDidChangeWatchedFiles(recheckAll)
  connection.onDidChangeConfiguration(recheckAll)

  // Opening is a first change: checked at once; later changes wait for the typing to pause.
  const opened = new Set<string>()
  documents.onDidChangeContent(({document}) => {
    schedule(document, opened.has(document.uri) ? debounce : 0)
    opened.add(document.uri)
  })
  documents.onDidClose(({document}) => {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    opened.delete(document.uri)
    checked.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.onCodeAction(async ({textDocument, range, context}) => {
    const document = documents.get(textDocument.uri)
    if (!document || formatOfDocument(document) === undefined) return []
    let last = checked.get(document.uri)
    if (!last || last.version !== document.version) {
      // Asked before the debounced check ran: check now, so actions match the text they edit.
      clearTimeout(timers.get(document.uri))
      timers.delete(document.uri)
      await check(document)
      last = checked.get(document.uri)
      if (!last || last.version !== document.version) return []
    }
    const actions: CodeAction[] = []
    if (isWanted(CodeActionKind.QuickFix, context.only)) actions.push(...quickFixes(document, last.messages, range))
    const fixable = last.messages.some((message) => message.fix)
    if (fixable && isWanted(FIX_ALL_KIND, context.only)) {
      const fixed = checkFile({...last.job, options: {...last.job.options, fix: true}}).value
      const action = fixAllAction(document, fixed)
      if (action) actions.push(action)
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}

/**
 * `postedit --lsp` and `postedit-lsp`: the language server over standard
 * input and output. Standard output belongs to the protocol, so anything
 * printed goes to standard error. Runs until the client says exit.
 */
export function runLanguageServer(): Promise<number> {
  console.log = console.error
  console.info = console.error
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
  serve(connection)
  // The connection ends the process on the client's `exit`; until then the server runs.
  return new Promise(() => {})
}

