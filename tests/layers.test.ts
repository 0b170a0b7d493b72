import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'

const src = resolve(import.meta.dirname, '../src')

/**
 * The folders of src/, lowest first. A module may import from its own layer
 * and from layers below it, never from one above: shared infrastructure at
 * the bottom, the engine, the English parser, data and word knowledge, the rule plugins, the
 * processor, file linting, and the command line on top.
 */
const LAYERS: readonly string[][] = [
  ['infra'],
  ['engine'],
  ['parse'],
  ['names'],
  ['spelling'],
  ['packs'],
  ['needs-human'],
  ['markdown'],
  ['rules', 'rules/typography'],
  ['config'],
  ['postedit.ts', 'processor.ts'],
  ['lint'],
  ['lsp', 'cli', 'cli.ts', 'index.ts', 'browser.ts', 'postedit-lsp.ts']
]

/** The layer of a module: its folder's (or, at the top of src/, its own file's). */
function layerOf(file: string): number {
  const local = relative(src, file).split('\\').join('/')
  const key = local.includes('/') ? dirname(local) : local
  const layer = LAYERS.findIndex((names) => names.includes(key))
  if (layer === -1) throw new Error(`${local}: in no layer; add its folder to LAYERS`)
  return layer
}

/** Relative module specifiers a file imports (static, dynamic and re-exports, types too). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map((match) => match[1]!)
}

/** Every import in src/ that points up a layer, as `from -> to`. */
function upwardImports(): string[] {
  const files = readdirSync(src, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.ts')).map((name) => join(src, name))
  const upward: string[] = []
  for (const file of files) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))
      if (layerOf(target) > layerOf(file)) upward.push(`${relative(src, file)} -> ${relative(src, target)}`)
    }
  }
  return upward
}

describe('the import graph', () => {
  it('only points down the declared layers', () => {
    expect(upwardImports()).toEqual([])
  })

  it('sees an upward import when there is one', () => {
    const engine = join(src, 'engine', 'x.ts')
    expect(layerOf(engine)).toBeLessThan(layerOf(join(src, 'rules', 'options.ts')))
    expect(importsOf("import {isOffFor} from '../rules/options.js'\nexport {a} from './b.js'\nawait import('../c.js')")).toEqual(['../rules/options.js', './b.js', '../c.js'])
  })
})
