#!/usr/bin/env node
// Baseline for the spelling rule: plain retext-spell (unified + retext-english
// + retext-spell with dictionary-en, suggestions off) against postedit's own
// spelling rule, on the same text, one process. Prints both flag counts per
// 10,000 words and their ratio.
//
//   npm run build && node scripts/spell-baseline.mjs FILE [FILE ...]
//
// retext-spell reports every unknown word as a warning; postedit splits them
// into warnings (likely misspellings) and information (names, technical terms),
// so both its counts are given.

import {readFileSync} from 'node:fs'
import dictionaryEn from 'dictionary-en'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import {unified} from 'unified'
import {VFile} from 'vfile'
import retextPosteditEnglish from '../dist/parse/english.js'
import retextPosteditSpelling from '../dist/rules/spelling.js'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: node scripts/spell-baseline.mjs FILE [FILE ...]')
  process.exit(2)
}

// `max: -1` turns retext-spell's suggestions off: only its flags are counted.
const plain = unified().use(retextEnglish).use(retextSpell, {dictionary: dictionaryEn, max: -1})
const ours = unified().use(retextPosteditEnglish).use(retextPosteditSpelling)

let words = 0
const counts = {plain: 0, warnings: 0, info: 0}
for (const path of files) {
  const value = readFileSync(path, 'utf8')
  words += (value.match(/[\p{L}\p{N}]+/gu) ?? []).length
  const a = new VFile({path, value})
  plain.runSync(plain.parse(a), a)
  counts.plain += a.messages.filter((message) => message.source === 'retext-spell').length
  const b = new VFile({path, value})
  ours.runSync(ours.parse(b), b)
  for (const message of b.messages) {
    if (message.ruleId === 'spelling.overflow') continue
    if (message.fatal === null || message.fatal === undefined) counts.info++
    else counts.warnings++
  }
}

const per10k = (count) => ((count / words) * 10_000).toFixed(2)
console.log(`words ${words}`)
console.log(`retext-spell flags ${counts.plain} (${per10k(counts.plain)} per 10,000 words)`)
console.log(`postedit spelling warnings ${counts.warnings} (${per10k(counts.warnings)}), info ${counts.info} (${per10k(counts.info)})`)
console.log(`ratio retext-spell / postedit warnings ${(counts.plain / Math.max(counts.warnings, 1)).toFixed(1)}; / all postedit spelling messages ${(counts.plain / Math.max(counts.warnings + counts.info, 1)).toFixed(2)}`)
