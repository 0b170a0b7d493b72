#!/usr/bin/env node
// Checks gazetteer files for entries that would make the names rule wrong or
// silent: one name in two files, a key shared with another entity (then
// neither is fixed unless the article names it in full), an accepted form
// that another entity lists as a variant (then that variant is never flagged),
// a variant that is an English word, a full name made only of very common
// given names and surnames (any namesake would be rewritten).
//
//   npm run build && node scripts/check-gazetteer.mjs [FILE...]
// With files, only their entities are checked against the whole gazetteer.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {basename, dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildGazetteer, canonical} from '../dist/names/gazetteer.js'
import {gazetteerFiles, readGazetteer} from '../dist/names/load.js'
import {looseNameKey, nameKey} from '../dist/names/key.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const all = gazetteerFiles(join(root, 'rules/names')).map(readGazetteer)
const only = new Set(process.argv.slice(2).map((file) => resolve(file)))
const checked = only.size ? all.filter((file) => only.has(resolve(file.file))) : all

const require = createRequire(import.meta.url)
const dic = readFileSync(join(dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8')
const english = new Set(dic.split('\n').slice(1).map((line) => line.split('/')[0].toLowerCase()))

// Given names and surnames so common that a full name of two of them names many people.
const COMMON = new Set(
  ('mohammed mohamed muhammad mohammad mohamad ahmed ahmad ali hassan hasan hussein husain hussain mahmoud mahmud ' +
    'ibrahim abdullah abdallah khalid khaled omar umar youssef yousef yusuf said saeed saleh salih mustafa mostafa ' +
    'abdel abdul abd nasser naser karim kareem samir sami adel adil walid hamad hamid salem salim saad khalil ' +
    'mansour osman othman ismail ismael jamal gamal tarek tariq fadi fathi fouad fuad hany hani amr amer amir ' +
    'abbas jaber jassim jassem majid maged nabil rashid rashed faisal fahd faris fares zaid zayed kamal sultan').split(' ')
)

const byName = new Map()
const fullKeys = new Map()
const shortKeys = new Map()
const looseKeys = new Map()
const variantForms = new Map()
const push = (map, key, value) => {
  if (!key) return
  const list = map.get(key) ?? []
  if (!list.includes(value)) list.push(value)
  map.set(key, list)
}
const index = buildGazetteer(all)
for (const entity of index.entities) {
  for (const form of [entity.name, ...entity.correct, ...entity.variants]) {
    push(fullKeys, nameKey(form), entity)
    if (entity.kind === 'person') push(looseKeys, looseNameKey(form), entity)
  }
  for (const form of entity.short) push(shortKeys, nameKey(form), entity)
  for (const form of entity.variants) push(variantForms, form, entity)
}
for (const file of all) {
  for (const data of file.entities) {
    const list = byName.get(data.name) ?? []
    list.push(basename(file.file))
    byName.set(data.name, list)
  }
}

let problems = 0
const say = (file, entity, text) => {
  problems++
  console.log(`${basename(file)}: ${entity}: ${text}`)
}
for (const file of checked) {
  for (const data of file.entities) {
    const entity = index.entities.find((e) => e.name === data.name)
    const files = byName.get(data.name)
    if (files.length > 1) say(file.file, data.name, `also in ${files.filter((f) => f !== basename(file.file)).join(', ')}`)
    const others = (map, key) => (map.get(key) ?? []).filter((e) => e !== entity).map((e) => e.name)
    for (const form of [data.name, ...(data.accept ?? []), ...(data.variants ?? [])]) {
      const clash = others(fullKeys, nameKey(form))
      if (clash.length) say(file.file, data.name, `\`${form}\` shares its key with ${clash.join(', ')}`)
    }
    if ((entity.kind ?? 'person') === 'person') {
      for (const form of entity.short) {
        const clash = others(shortKeys, nameKey(form))
        if (clash.length) say(file.file, data.name, `short \`${form}\` shares its key with ${clash.join(', ')}`)
      }
      const loose = others(looseKeys, looseNameKey(data.name))
      if (loose.length) say(file.file, data.name, `loose key shared with ${loose.join(', ')}`)
      const words = data.name.split(/[\s-]+/).filter((w) => !/^(al|el|bin|ibn|bint|abu|ben)$/i.test(w))
      if (words.length === 2 && words.every((w) => COMMON.has(w.toLowerCase()))) say(file.file, data.name, 'name of two very common words: namesakes would be rewritten')
    }
    for (const form of data.accept ?? []) {
      const listed = (variantForms.get(canonical(form)) ?? []).filter((e) => e !== entity)
      if (listed.length) say(file.file, data.name, `accepts \`${form}\`, a variant of ${listed.map((e) => e.name).join(', ')}`)
    }
    for (const form of data.variants ?? []) {
      if (!form.includes(' ') && english.has(form.toLowerCase())) say(file.file, data.name, `variant \`${form}\` is an English word`)
      if (index.correct.has(canonical(form)) && !entity.correct.has(canonical(form))) say(file.file, data.name, `variant \`${form}\` is right for another entity`)
    }
  }
}
console.log(`${checked.reduce((n, file) => n + file.entities.length, 0)} entities checked, ${problems} problems`)
process.exitCode = problems ? 1 : 0
