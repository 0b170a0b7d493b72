#!/usr/bin/env node
// The `postedit-lsp` command: postedit's language server over stdio (the same as `postedit --lsp`).
import {runLanguageServer} from './lsp/server.js'

await runLanguageServer()
