#!/usr/bin/env node
/**
 * Measure the transliteration key (src/names/key.ts) on real variant sets:
 * romanisations grouped by their Arabic spelling are true variants of one
 * name; two romanisations of different Arabic names are not.
 *
 * Pairwise precision: of the pairs of distinct romanisations that share a key,
 * the share that spell the same Arabic name. Pairwise recall: of the pairs
 * that spell the same Arabic name, the share the key joins.
 *
 * Run after `npx tsc -p .`:
 *   node scripts/measure-key.mjs [../shared/corpora/names]
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {wordKey} from '../dist/names/key.js'

const root = process.argv[2] ?? new URL('../../shared/corpora/names', import.meta.url).pathname

/** Arabic spelling normalised so that article and hamza seats do not split a group. */
function arabicGroup(arabic) {
  return arabic
    .replace(/\s+/g, '')
    .replace(/^ال/, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
}

/** Map of romanisation → set of Arabic groups. */
function wikidata(minCount) {
  const groups = new Map()
  for (const line of readFileSync(join(root, 'translit-wikidata-ar-en/wd_arabic.normalized.aligned.tokens'), 'utf8').split('\n')) {
    const [english, arabic, count] = line.split('\t')
    if (!english || !arabic || Number(count) < minCount) continue
    if (!/^[a-z'-]+$/.test(english) || english.length < 3) continue
    add(groups, english, arabicGroup(arabic))
  }
  return groups
}

function google() {
  const groups = new Map()
  for (const line of readFileSync(join(root, 'translit-google-ar2en/ar2en.txt'), 'utf8').split('\n')) {
    const [arabic, english] = line.split('\t')
    if (!english || !arabic || !/^[a-z'-]+$/.test(english) || english.length < 3) continue
    add(groups, english.replace(/^(al|el)-/, ''), arabicGroup(arabic))
  }
  return groups
}

function add(groups, english, group) {
  let set = groups.get(english)
  if (!set) groups.set(english, (set = new Set()))
  set.add(group)
}

const shares = (a, b) => {
  for (const g of a) if (b.has(g)) return true
  return false
}

function measure(groups, key) {
  const byKey = new Map()
  const byGroup = new Map()
  for (const [english, set] of groups) {
    const k = key(english)
    if (!byKey.has(k)) byKey.set(k, [])
    byKey.get(k).push(english)
    for (const g of set) {
      if (!byGroup.has(g)) byGroup.set(g, [])
      byGroup.get(g).push(english)
    }
  }
  let keyed = 0
  let keyedTrue = 0
  for (const words of byKey.values()) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        keyed++
        if (shares(groups.get(words[i]), groups.get(words[j]))) keyedTrue++
      }
    }
  }
  // True pairs counted once even when two words share several groups.
  const truePairs = new Set()
  for (const words of byGroup.values()) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) truePairs.add(words[i] < words[j] ? `${words[i]}\t${words[j]}` : `${words[j]}\t${words[i]}`)
    }
  }
  let found = 0
  for (const pair of truePairs) {
    const [a, b] = pair.split('\t')
    if (key(a) === key(b)) found++
  }
  return {words: groups.size, keyedPairs: keyed, precision: keyed ? keyedTrue / keyed : 1, truePairs: truePairs.size, recall: truePairs.size ? found / truePairs.size : 1}
}

const lowerCase = (w) => w.toLowerCase()
const rows = []
for (const [name, groups] of [
  ['wikidata (count >= 2)', wikidata(2)],
  ['wikidata (all)', wikidata(1)],
  ['google ar2en', google()]
]) {
  for (const [keyName, key] of [['lower case only', lowerCase], ['transliteration key', wordKey]]) {
    const m = measure(groups, key)
    rows.push({list: name, key: keyName, words: m.words, precision: m.precision.toFixed(3), recall: m.recall.toFixed(3), keyedPairs: m.keyedPairs, truePairs: m.truePairs})
  }
}
console.table(rows)
