import {nameWords, wordKey} from './key.js'

/**
 * Whether two people's given names are one name.
 *
 * The transliteration key folds vowels, so Hassan (حسن), Hussein (حسين) and
 * Hossein (Persian حسین) share a key although they are different names:
 * Hossein Rouhani is not Hassan Rouhani. Two given names are one name when
 * their keys agree and their vowels are spelled alike: the same vowel class
 * at each place, where `e` (Ahmed/Ahmad, Khaled/Khalid, Youssef/Yusuf) and
 * runs that are neither plain vowel nor diphthong stand for any vowel, and a
 * diphthong (ai, ay, ei, ey) stands for itself or `i` (Husayn, Hussein,
 * Husain). `Abd al-`, `Abdul`, `Abdel` and `Abd Allah` are one prefix.
 */
export function sameGivenName(a: string, b: string): boolean {
  const x = givenSpelling(a)
  const y = givenSpelling(b)
  if (x === y) return true
  if (wordKey(x) !== wordKey(y)) return false
  const vx = vowelClasses(x)
  const vy = vowelClasses(y)
  if (vx.length !== vy.length) return false
  return vx.every((c, i) => compatible(c, vy[i]!))
}

/**
 * The given names of a full name: every word but the last, article forms
 * dropped, joined and lower-cased; '' for a one-word name.
 */
export function givenPart(name: string): string {
  const words = nameWords(name)
  if (words.length < 2) return ''
  return words.slice(0, -1).join(' ')
}

/** Lower-case letters of a given name, with the `Abd al-` family of prefixes written `abd`. */
function givenSpelling(text: string): string {
  const letters = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    // A glide between vowels is a spelling habit: Riyad/Riad, Fayez/Faez.
    .replace(/([aeiou])[yw](?=[aeiou])/g, '$1')
  // Abdul Aziz, Abdel Aziz, Abd al-Aziz, Abdulaziz; Abdullah, Abdallah, Abd Allah.
  return letters.replace(/^abd(?:ou|[aeiou])?l?(?=[a-z])/, 'abd').replace(/h$/, '')
}

/** The class of each vowel run: A, I, U, E (any), D (diphthong), W (au/aw), * (any). */
function vowelClasses(spelling: string): string[] {
  const runs: string[] = []
  const pattern = /[aeiou]+(?:[yw](?![aeiou]))?|(?<=[a-z])[yw](?![aeiou])/g
  for (const match of spelling.matchAll(pattern)) runs.push(match[0])
  return runs.map(classOf)
}

function classOf(run: string): string {
  if (/^a+$/.test(run)) return 'A'
  if (/^(i+|ee|ie|y|iy|ii)$/.test(run)) return 'I'
  if (/^(o+|u+|ou|uo|ow|uw|w)$/.test(run)) return 'U'
  if (/^e$/.test(run)) return 'E'
  if (/^(ai|ay|ei|ey|aye|ae)$/.test(run)) return 'D'
  if (/^(au|aw|ao)$/.test(run)) return 'W'
  return '*'
}

function compatible(a: string, b: string): boolean {
  if (a === b || a === 'E' || b === 'E' || a === '*' || b === '*') return true
  const pair = new Set([a, b])
  // Husayn / Husein / Husin; Tawfiq / Tofiq.
  return (pair.has('D') && pair.has('I')) || (pair.has('W') && pair.has('U'))
}
