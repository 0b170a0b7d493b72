import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {bundledData} from '../infra/bundled-data.js'
import {RULES_DIRECTORY} from '../infra/paths.js'
import {holdForSnapshot} from '../infra/held.js'
import {WordSet} from '../infra/word-set.js'

/**
 * Given names and surnames of many languages (`@cspell/dict-people-names`,
 * MIT), words of company names (`@cspell/dict-companies`, MIT) and of sports
 * clubs (`rules/vocabulary/clubs.txt`): names that are spelled right though
 * no English dictionary holds them. Spelling accepts them as names; it never
 * offers them as suggestions, so they quiet notices without steering fixes.
 */
let names: WordSet | undefined

/** The words of a cspell word list shipped in `pkg` at `file` (comments and flags dropped). */
function cspellList(pkg: string, file: string): string[] {
  try {
    const text = readFileSync(new URL(file, import.meta.resolve(`${pkg}/cspell-ext.json`)), 'utf8')
    return text.split('\n')
  } catch {
    // An optional list that is not installed: the rule works without it.
    return []
  }
}

/** Every known name form, capitalised as written; loaded on first use (about 40,000 words). */
export function knownNames(): WordSet {
  if (names) return names
  const bundled = bundledData()
  if (bundled) return (names = new WordSet(bundled.names))
  const found: string[] = []
  const lines = [
    ...cspellList('@cspell/dict-people-names', 'dict/people-names.txt'),
    ...cspellList('@cspell/dict-companies', 'dict/companies.txt'),
    ...readFileSync(join(RULES_DIRECTORY, 'vocabulary', 'clubs.txt'), 'utf8').split('\n')
  ]
  for (const raw of lines) {
    const word = raw.trim()
    // Names only: a capital, more than one letter, no comment or cspell flag.
    if (word.length < 2 || word.startsWith('#') || word === word.toLowerCase() || /[\s!*+~]/.test(word)) continue
    found.push(word)
  }
  names = holdForSnapshot(new WordSet(found))
  return names
}
