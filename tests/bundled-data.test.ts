import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import nspell from 'nspell'
import {beforeAll, describe, expect, it} from 'vitest'
import {installBundledData, type BundledData} from '../src/infra/bundled-data.js'
import {expandForms, loadWordForms} from '../src/spelling/word-forms.js'

/**
 * The dictionaries as the browser gets them from data.json (expanded forms,
 * and for nspell only the entries with digits) give nspell's own verdicts on
 * the full dictionaries. This file's modules run with the bundled data
 * installed, as in the browser.
 */
const require = createRequire(import.meta.url)
const reference = (pkg: string) => {
  const folder = require.resolve(pkg).replace(/index\.js$/, '')
  return nspell({aff: readFileSync(`${folder}index.aff`), dic: readFileSync(`${folder}index.dic`)})
}

beforeAll(() => {
  installBundledData(JSON.parse(readFileSync(new URL('../dist/browser/data.json', import.meta.url), 'utf8')) as BundledData)
})

const WITH_DIGITS = ['21st', '22th', '1990s', '2nd', '2th', '3rd', '3rds', '11th', '11st', '101st', '0th', 'MP3', '3D', '4x4', 'COVID19', '1st', '12nd', '1000th']

describe('the bundled dictionaries', () => {
  for (const [variety, pkg] of [['en-US', 'dictionary-en'], ['en-GB', 'dictionary-en-gb']] as const) {
    it(`hold every form nspell expands from ${pkg}, and judge words with digits as nspell does`, () => {
      const full = reference(pkg)
      const forms = loadWordForms(variety)
      const missing = expandForms(full).filter((form) => !forms.has(form))
      expect(missing).toEqual([])
      expect(WITH_DIGITS.map((word) => [word, forms.correct(word)])).toEqual(WITH_DIGITS.map((word) => [word, full.correct(word)]))
      expect(forms.correct('colour')).toBe(variety === 'en-GB')
      expect(forms.correct('colr')).toBe(false)
    }, 120_000)
  }
})
