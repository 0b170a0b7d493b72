#!/usr/bin/env node
// Writes docs/rules.md from the shipped rule packs, the gazetteer's counts and the registry of rules in code (run `npm run docs`).
import {mkdirSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {packFiles} from '../dist/packs/registry.js'
import {readPack} from '../dist/packs/load.js'
import {gazetteerCounts, rulesMarkdown} from '../dist/packs/docs.js'
import {gazetteerFiles, readGazetteer} from '../dist/names/load.js'
import {CODE_RULES} from '../dist/rules/registry.js'

const out = fileURLToPath(new URL('../docs/rules.md', import.meta.url))
mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), {recursive: true})
writeFileSync(out, rulesMarkdown(packFiles('default').map(readPack), CODE_RULES, gazetteerCounts(gazetteerFiles('default').map(readGazetteer))))
console.log(`wrote ${out}`)
