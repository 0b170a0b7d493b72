#!/usr/bin/env node
// Build dist/ from src/ with TypeScript, from a clean dist/ (no stale modules).
//
// `--if-possible` (the prepare and prepack scripts): when TypeScript is not
// installed (`npm ci --omit=dev`, or a hook manager that installs production
// dependencies only) but dist/ is already there (a tarball, or a release tag
// whose build is committed), keep it instead of failing with `tsc: not found`.
import {execFileSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ifPossible = process.argv.includes('--if-possible')

let tsc
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc')
} catch {
  if (ifPossible && existsSync(join(root, 'dist', 'cli.js'))) {
    console.error('postedit: TypeScript is not installed; using the dist/ build that is already there')
    process.exit(0)
  }
  console.error('postedit: building needs TypeScript, a development dependency: run `npm ci` (without --omit=dev) first')
  process.exit(1)
}

rmSync(join(root, 'dist'), {recursive: true, force: true})
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], {stdio: 'inherit', cwd: root})
chmodSync(join(root, 'dist', 'cli.js'), 0o755)
chmodSync(join(root, 'dist', 'postedit-lsp.js'), 0o755)
// The `postedit` command (package.json "bin"): a Node script here, which the
// startup snapshot's build replaces with a launcher where it can (scripts/launcher.sh).
// Extensionless, so that either can be it: its own package.json makes it CommonJS.
mkdirSync(join(root, 'dist', 'bin'))
writeFileSync(join(root, 'dist', 'bin', 'package.json'), '{"type": "commonjs"}\n')
writeFileSync(
  join(root, 'dist', 'bin', 'postedit'),
  "#!/usr/bin/env node\n// The postedit command: dist/cli.js (see scripts/build.mjs).\nimport('../cli.js')\n"
)
chmodSync(join(root, 'dist', 'bin', 'postedit'), 0o755)

// The browser bundle and its data (dist/browser/), when esbuild (a development dependency) is installed.
let esbuild = true
try {
  createRequire(join(root, 'package.json')).resolve('esbuild')
} catch {
  esbuild = false
}
if (esbuild) execFileSync(process.execPath, [join(root, 'scripts', 'build-browser.mjs')], {stdio: 'inherit', cwd: root})
// The CLI's startup snapshot (dist/snapshot/), for this install only; without it the CLI runs as before.
// Not when packing: the tarball does not carry it (it holds this folder's paths).
if (esbuild && process.env.npm_lifecycle_event !== 'prepack') execFileSync(process.execPath, [join(root, 'scripts', 'build-snapshot.mjs')], {stdio: 'inherit', cwd: root})
