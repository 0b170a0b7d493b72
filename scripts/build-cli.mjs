#!/usr/bin/env node
// Bundle the CLI into one module, dist/cli.bundle.mjs (esbuild, after `tsc`, from dist/).
// Node compiles and links one file instead of hundreds of ES modules.
// Each of postedit's own modules keeps its own import.meta.url (rewritten to
// the URL its tsc output has in dist/), so the data paths it computes from
// it (rules/, package.json, its own source for cache keys) are unchanged.
import {readFile} from 'node:fs/promises'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

export async function bundleCli(entry = 'cli.js', outfile = 'cli.bundle.mjs') {
  await build({
    entryPoints: [join(dist, entry)],
    outfile: join(dist, outfile),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // tinypool locates its own worker script from its own URL; the worker is dist/lint/worker.js.
    external: ['tinypool'],
    banner: {js: "import {createRequire as __peCreateRequire} from 'node:module';const require = __peCreateRequire(import.meta.url);"},
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(context) {
          context.onLoad({filter: /\.js$/}, async (args) => {
            if (!args.path.startsWith(dist)) return undefined
            const own = `./${relative(dirname(join(dist, outfile)), args.path).split('\\').join('/')}`
            const text = await readFile(args.path, 'utf8')
            return {contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js'}
          })
        }
      }
    ]
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli()
