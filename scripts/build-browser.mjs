#!/usr/bin/env node
// Build postedit for the browser into dist/browser/ (after `tsc`, from dist/):
// - postedit.js: one ES module (esbuild: it bundles the library and its
//   dependencies, picking their browser builds, in well under a second),
//   with Node built-ins replaced by scripts/browser-node-shim.mjs;
// - data.json: the shipped data the Node loaders read from files (default
//   packs, validated and self-tested; gazetteer; vocabulary; Hunspell
//   dictionaries; word lists), taken from those same loaders, so the browser
//   sees exactly what Node sees.
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const out = join(dist, 'browser')
const require = createRequire(join(root, 'package.json'))
const load = (module) => import(pathToFileURL(join(dist, module)).href)

mkdirSync(out, {recursive: true})

const shim = join(root, 'scripts', 'browser-node-shim.mjs')
await build({
  entryPoints: [join(dist, 'browser.js')],
  outfile: join(out, 'postedit.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // No source map: the package ships none (tests/packaging.test.ts).
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      name: 'node-builtins',
      setup(context) {
        context.onResolve({filter: /^node:/}, () => ({path: shim}))
      }
    }
  ]
})

const {packFiles, loadRules} = await load('packs/registry.js')
const {readPack} = await load('packs/load.js')
const {gazetteerFiles, readGazetteer} = await load('names/load.js')
const {knownNames} = await load('spelling/name-lists.js')
const {frequencyEntries} = await load('spelling/frequency.js')
const {compactFromCache} = await load('needs-human/lexicon.js')
const {BUNDLED_DATA_FORMAT} = await load('infra/bundled-data.js')

// Loading them as the CLI does runs every pack's self-test: a pack that fails never ships.
loadRules(['default'])
const name = (file) => relative(root, file).split('\\').join('/')
const packs = packFiles('default').map((file) => {
  const {file: _file, locate: _locate, ...data} = readPack(file)
  return {file: name(file), data}
})
const gazetteer = gazetteerFiles('default').map((file) => ({...readGazetteer(file), file: name(file)}))

// The dictionaries' forms, expanded as Node expands them: the browser skips nspell's
// expansion (the longest part of its start), and builds nspell from the entries
// with digits only when a word with a digit is checked.
const {expandForms, digitEntries} = await load('spelling/word-forms.js')
const nspell = require('nspell')
const files = {
  'rules/vocabulary/english-extra.txt': readFileSync(join(root, 'rules', 'vocabulary', 'english-extra.txt'), 'utf8'),
  // Parsed here: the bundle carries no YAML parser.
  'rules/vocabulary/word-lists.json': JSON.stringify((await import('js-yaml')).load(readFileSync(join(root, 'rules', 'vocabulary', 'word-lists.yml'), 'utf8'), {schema: (await import('js-yaml')).JSON_SCHEMA}))
}
// The lists of common misspellings, sorted as spelling searches them (spelling/common-misspellings.ts).
const {sortedMisspellings} = await load('spelling/common-misspellings.js')
for (const list of ['dict-en', 'dict-en-us', 'dict-en-gb']) files[`@cspell/dict-en-common-misspellings/${list}.txt`] = sortedMisspellings(list)
const expanded = {}
for (const pkg of ['dictionary-en', 'dictionary-en-gb']) {
  const folder = dirname(require.resolve(pkg))
  const aff = readFileSync(join(folder, 'index.aff'), 'utf8')
  const dic = readFileSync(join(folder, 'index.dic'), 'utf8')
  files[`${pkg}/index.aff`] = aff
  files[`${pkg}/digits.dic`] = digitEntries(dic)
  // Place variants look words up in dictionary-en's entries (names/english.ts).
  if (pkg === 'dictionary-en') files[`${pkg}/index.dic`] = dic
  expanded[pkg] = expandForms(nspell({aff, dic}))
}
const us = new Set(expanded['dictionary-en'])
const gb = new Set(expanded['dictionary-en-gb'])
const forms = {
  'dictionary-en': {add: expanded['dictionary-en'].join('\n'), remove: ''},
  'dictionary-en-gb': {base: 'dictionary-en', add: expanded['dictionary-en-gb'].filter((form) => !us.has(form)).join('\n'), remove: expanded['dictionary-en'].filter((form) => !gb.has(form)).join('\n')}
}

const data = {
  format: BUNDLED_DATA_FORMAT,
  version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
  packs,
  gazetteer,
  files,
  forms,
  frequencies: frequencyEntries().map(({word, count}) => `${word}\t${count}`).join('\n'),
  names: [...knownNames()],
  lexicon: compactFromCache()
}
writeFileSync(join(out, 'data.json'), JSON.stringify(data))

const kb = (file) => `${Math.round(statSync(join(out, file)).size / 1024)} kB`
console.error(`postedit: browser build in dist/browser/: postedit.js ${kb('postedit.js')}, data.json ${kb('data.json')}`)
