import {defineRule} from './meta.js'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {claimedRanges, report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import type {Finding} from '../engine/types.js'
import {perWordType} from '../engine/word-cache.js'
import {gazetteerNameWords} from '../names/gazetteer.js'
import type {Atom} from '../infra/atoms.js'
import {isCapitalAt, isCapitalisedWord} from '../infra/capital-at.js'
import {acronymFold, entityIndex, skeletonOf, squashOf, wordsKey, type EntityIndex, type KnownEntity} from '../packs/entities.js'
import {adaptCase, type IsOff} from '../packs/find.js'
import {isKnownWord} from '../spelling/dictionary.js'
import {isOffFor, rulesOf, type RuleOptions} from './options.js'

/** The organisation and brand rules. */
export const ENTITY_RULES = {
  acronym: defineRule({
    id: 'entities.acronym',
    description: 'A listed organisation acronym with letters Arabic script confuses (P/B, V/F, C/K/Q, G/J), two letters swapped, or in lower case; title case (Opec) is a house style and left alone.',
    fixable: true,
    severity: 'warning'
  }),
  form: defineRule({
    id: 'entities.form',
    description: 'A known organisation or brand split into words, joined, hyphenated or cased differently from how it writes its name (Face book, Rolls Royce, Whatsapp).',
    fixable: true,
    severity: 'warning'
  }),
  soundalike: defineRule({
    id: 'entities.soundalike',
    description: 'An unknown capitalised word that sounds like exactly one known brand or organisation spelled back from Arabic; a suggestion unless only p/b or v/f differ.',
    fixable: true,
    severity: 'warning'
  })
} as const


/** Options of {@link retextPosteditEntities}. */
export interface EntitiesOptions extends RuleOptions {
  /** Gazetteers whose names are never taken for a garbled brand (default: `['default']`). */
  names?: string[]
}

/** A listed acronym with letters Arabic script confuses, transposed, or in lower case. */
export const ACRONYM = ENTITY_RULES.acronym.id
/** A known organisation or brand split, joined or cased the wrong way. */
export const FORM = ENTITY_RULES.form.id
/** An unknown capitalised word that sounds like exactly one known brand. */
export const SOUNDALIKE = ENTITY_RULES.soundalike.id

/** What the entity rule needs besides the text. */
export interface EntityContext {
  isOff: IsOff
  /** Whether a word is English (dictionary or pack vocabulary). */
  isWord: (word: string) => boolean
  /** Whether a word is part of a known person's or place's name. */
  isName: (word: string) => boolean
  /** Ranges other rules already reported: left alone. */
  taken?: ReadonlyArray<[number, number]>
}

const quote = (text: string) => `\`${text}\``
const squashAtom = perWordType(squashOf)
const hasLower = (text: string) => /\p{Ll}/u.test(text)
const hasUpper = (text: string) => /\p{Lu}/u.test(text)
/** Whether `text` has a capital and no lower-case letter; ASCII text without the expressions (asked of every capitalised word). */
function isAllCaps(text: string): boolean {
  let upper = false
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code >= 128) return hasUpper(text) && !hasLower(text)
    if (code >= 97 && code <= 122) return false
    if (code >= 65 && code <= 90) upper = true
  }
  return upper
}
const isTitleCase = (text: string) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(text)
/** An acronym-shaped form: capitals (and digits or &) only. */
const isAcronymForm = (form: string) => /^[\p{Lu}\p{N}&]+$/u.test(form) && /\p{Lu}.*\p{Lu}/u.test(form)
/** The first letter of each word lowered: what stays when sentence position and house style are set aside. */
const innerCase = (text: string) => text.replace(/(^|[^\p{L}\p{M}])(\p{L})/gu, (_whole, before: string, letter: string) => before + letter.toLowerCase())
/** A hyphenated form whose first part is an Arabic article or kinship word: spaced and hyphenated are both house styles. */
const ARTICLE_HYPHEN = /^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|bint|abu|bani|beni|dar|umm|bayt|beit)-/i
const UPPER = /\p{Lu}/u
/** Whether the code unit at `at` is a capital ({@link UPPER}), ASCII without the expression. */
function startsUpper(source: string, at: number): boolean {
  const code = source.charCodeAt(at)
  return code < 128 ? code >= 65 && code <= 90 : UPPER.test(source[at]!)
}
/** Joints a name may run across: a space, a hyphen, nothing. */
const CONTINUES = new Set(['space', 'hyphen', 'joined'])
/** Characters that make an atom part of an address, a handle or a file name. */
const LINKISH = /[./@_\\:#]/

/** Whether the atom sits inside a link, an e-mail address, a handle or a code. */
function inLink(source: string, atom: Atom, last: Atom): boolean {
  const before = source[atom.start - 1] ?? ' '
  const after = source[last.end] ?? ' '
  return (LINKISH.test(before) && before !== '.') || (LINKISH.test(after) && /[\p{L}\p{N}]/u.test(source[last.end + 1] ?? ''))
}

function finding(ruleId: string, actual: string, expected: string[], start: number, end: number, note: string, fix: boolean, severity: Finding['severity'] = 'warning'): Finding {
  const result: Finding = {
    ruleId,
    reason: `Unexpected ${quote(actual)}, expected ${expected.map(quote).join(' or ')}`,
    start,
    end,
    actual,
    expected,
    severity,
    note
  }
  if (fix && expected.length === 1) result.fix = {start, end, text: expected[0]!}
  return result
}

/** Whether two same-length words differ only where Arabic script has one letter for two (p/b, v/f). */
function onlyArabicPairs(word: string, form: string): boolean {
  if (word.length !== form.length) return false
  let differs = false
  for (let index = 0; index < word.length; index++) {
    const a = word[index]!.toLowerCase()
    const b = form[index]!.toLowerCase()
    if (a === b) continue
    const pair = a < b ? a + b : b + a
    if (pair !== 'bp' && pair !== 'fv') return false
    differs = true
  }
  return differs
}

/**
 * Judge a span whose letters are those of known entities. Returns a
 * finding, `null` when the span is right (or a house style), and
 * `undefined` when the span should be read again word by word.
 */
function judgeForm(entities: KnownEntity[], surface: string, atoms: readonly Atom[], first: number, last: number, source: string, context: EntityContext): Finding | null | undefined {
  const forms = [...new Set(entities.map((entity) => entity.form))]
  const plain = surface.replace(/[\u2019\u2018]/g, "'")
  if (forms.includes(plain)) return null
  const start = atoms[first]!.start
  const end = atoms[last]!.end
  const sentenceStart = atoms[first]!.sentenceStart
  const spanAtoms = last - first + 1
  const sameLetters = forms.filter((form) => form.toLowerCase() === plain.toLowerCase())
  if (sameLetters.length > 0) {
    // Only the case differs.
    const form = sameLetters[0]!
    if (isAllCaps(plain)) return null // a headline or an emphasis
    if (isAcronymForm(form)) {
      if (hasUpper(plain)) return isTitleCase(plain) ? null : finding(ACRONYM, surface, [form], start, end, 'An organisation acronym is written in capitals.', false)
      // Lower case: a word of its own (`who`) or too short to be sure.
      if (plain.length < 4 || context.isWord(plain)) return null
      return finding(ACRONYM, surface, [form], start, end, 'An organisation acronym is written in capitals (or, in some house styles, with one initial capital), never in lower case.', true)
    }
    // A capital inside a word (WhatsApp, BioNTech, LinkedIn) is part of the name.
    if (innerCase(plain) === innerCase(form)) return null
    if (!/\p{Lu}/u.test(innerCase(form))) return null
    return finding(FORM, surface, [form], start, end, 'The company writes its name with a capital inside it.', sameLetters.length === 1)
  }
  // Split, joined or hyphenated differently.
  if (!/^[\p{Lu}\p{N}]/u.test(plain)) return undefined
  if (isAllCaps(plain) && !forms.some(isAcronymForm)) return null
  const next = atoms[last + 1]
  // A capitalised word after it makes a longer name (`Gulf Air Force`).
  if (next && next.joint === 'space' && !next.sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(source.slice(next.start, next.end))) return null
  const candidates = forms.filter((form) => {
    const formAtoms = (form.match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []).length
    // Multi-word names: a space and a hyphen between the same words are house styles.
    if (/\s/.test(form) && formAtoms === spanAtoms) return false
    if (ARTICLE_HYPHEN.test(form) && formAtoms === spanAtoms) return false
    return true
  })
  if (candidates.length === 0) return null
  const expected = [...new Set(candidates.map((form) => adaptCase(form, surface, sentenceStart)))]
  return finding(FORM, surface, expected, start, end, 'The name of a company, brand or organisation is written as the company writes it: not split into words, not joined, with its own hyphens.', expected.length === 1)
}

/** An all-capitals token that is one listed acronym with letters confused or swapped. */
function judgeAcronym(index: EntityIndex, token: string, context: EntityContext): {acronym: string; certain: boolean} | undefined {
  if (token.length < 4 || token.length > 7 || index.guards.has(token) || context.isWord(token)) return undefined
  const found = new Map<string, boolean>()
  for (const acronym of index.acronymsByFold.get(acronymFold(token)) ?? []) {
    if (acronym !== token && !context.isOff(index.acronyms.get(acronym)!)) found.set(acronym, onlyArabicPairs(token, acronym))
  }
  for (let at = 0; at + 1 < token.length; at++) {
    const swapped = token.slice(0, at) + token[at + 1] + token[at] + token.slice(at + 2)
    const pack = index.acronyms.get(swapped)
    if (swapped !== token && pack && !context.isOff(pack) && !found.has(swapped)) found.set(swapped, false)
  }
  if (found.size !== 1) return undefined
  const [acronym, arabicPairs] = [...found][0]!
  // Four letters leave room for a real acronym nobody listed (IBCC beside IPCC): only five or more are certain.
  return {acronym, certain: arabicPairs && token.length >= 5}
}

/**
 * The distinct forms of `entities` other than `word` whatever its case. A
 * function of its own, not a closure in the rule's loop over atoms: a closure
 * over the loop's variables makes V8 allocate a context for every atom.
 */
function otherForms(entities: readonly KnownEntity[], word: string): string[] {
  const lower = word.toLowerCase()
  return [...new Set(entities.map((entity) => entity.form))].filter((form) => form.toLowerCase() !== lower)
}

const reorderableWords = new WeakMap<EntityIndex, ReadonlySet<string>>()

/** Every word of the names in `index.byWords` (keys are their lower-case words, sorted, joined by spaces). */
function reorderableWordsOf(index: EntityIndex): ReadonlySet<string> {
  let words = reorderableWords.get(index)
  if (!words) {
    words = new Set([...index.byWords.keys()].flatMap((key) => key.split(' ')))
    reorderableWords.set(index, words)
  }
  return words
}

/** A known two- or three-word name whose words stand here in another order (`Aramco Saudi`). */
function reorderedName(index: EntityIndex, source: string, atoms: readonly Atom[], first: number, last: number): KnownEntity | undefined {
  // Most runs fail on their shape: nothing is built for them.
  for (let at = first; at <= last; at++) {
    const atom = atoms[at]!
    if (at > first && atom.joint !== 'space') return undefined
    if (!isCapitalisedWordAt(source, atom.start, atom.end)) return undefined
  }
  // A run with a word no reorderable name has cannot be one: no key is built for it (most runs).
  const nameWords = reorderableWordsOf(index)
  for (let at = first; at <= last; at++) if (!nameWords.has(atoms[at]!.key)) return undefined
  const words: string[] = []
  for (let at = first; at <= last; at++) words.push(atoms[at]!.key)
  const next = atoms[last + 1]
  if (next && next.joint === 'space' && isTitleCase(next.text)) return undefined
  const previous = atoms[first - 1]
  if (previous && atoms[first]!.joint === 'space' && isTitleCase(previous.text) && !atoms[first]!.sentenceStart) return undefined
  const found = index.byWords.get(wordsKey(words))
  if (!found || found.length !== 1) return undefined
  const entity = found[0]!
  return entity.form.toLowerCase() === words.join(' ') ? undefined : entity
}

const CAPITALISED_WORD = /^\p{Lu}\p{Ll}{2,}$/u

/**
 * Whether `source` from `start` to `end` is a capital and two lower-case
 * letters or more ({@link CAPITALISED_WORD}): ASCII read in place, anything
 * else by the expression on the slice.
 */
function isCapitalisedWordAt(source: string, start: number, end: number): boolean {
  if (end - start < 3) return false
  const head = source.charCodeAt(start)
  if (head < 128) {
    if (head < 65 || head > 90) return false
    let at = start + 1
    for (; at < end; at++) {
      const code = source.charCodeAt(at)
      if (code >= 128) break
      if (code < 97 || code > 122) return false
    }
    if (at === end) return true
  }
  return CAPITALISED_WORD.test(source.slice(start, end))
}

/** Whether a capitalised word stands right before or after the atom at `at`, in the same name. */
function capitalisedNeighbour(source: string, atoms: readonly Atom[], at: number): boolean {
  const atom = atoms[at]!
  const previous = atoms[at - 1]
  if (previous && !atom.sentenceStart && (atom.joint === 'space' || atom.joint === 'hyphen') && isCapitalAt(source, previous.start)) return true
  const next = atoms[at + 1]
  return Boolean(next && (next.joint === 'space' || next.joint === 'hyphen') && /^\p{Lu}\p{Ll}/u.test(source.slice(next.start, next.end)))
}

/** Whether the words around `at` are in capitals too: a headline, where capitals prove nothing. */
function inCapitals(source: string, atoms: readonly Atom[], at: number): boolean {
  for (const neighbour of [atoms[at - 1], atoms[at + 1]]) {
    if (!neighbour || neighbour.joint === 'break') continue
    const text = source.slice(neighbour.start, neighbour.end)
    if (text.length >= 3 && isAllCaps(text) && !/\p{N}/u.test(text)) return true
  }
  return false
}

const ROOT = 0
const NONE = -1

/**
 * The squashed names of an entity index as a letter trie: a run of words is
 * read on letter by letter from where the previous word left it, instead of
 * joining the words into a new string and looking each join up.
 */
interface SquashTrie {
  /** Whether a node ends a whole squashed name. */
  ends: Uint8Array
  /** The node of the squash of the atom key `key` read from the root, or {@link NONE} (most atoms go no further). */
  first(key: string): number
  /** The node `piece` leads to from `node`, or {@link NONE}. */
  walk(node: number, piece: string): number
  /** The node the squash of the atom key `key` leads to from `node`, or {@link NONE}. */
  next(node: number, key: string): number
}

const tries = new WeakMap<EntityIndex, SquashTrie>()

/** The trie of `index`'s prefixes (squashes are `[a-z0-9&+]`: one code unit under 128 each), built once per index. */
function trieOf(index: EntityIndex): SquashTrie {
  let trie = tries.get(index)
  if (trie) return trie
  // Every beginning of a squashed name: a run of words is read on only while it is one.
  const prefixes = new Set<string>()
  for (const squash of index.bySquash.keys()) for (let length = 1; length <= squash.length; length++) prefixes.add(squash.slice(0, length))
  // Needed only to build the trie: kept, its 15,000 strings were objects the startup snapshot rebuilt on every run.
  const nodes = new Map<string, number>()
  const next = new Map<number, number>()
  // Shorter prefixes first, so a prefix's parent has its node before it.
  for (const prefix of [...prefixes].sort((a, b) => a.length - b.length)) {
    const id = nodes.size + 1
    nodes.set(prefix, id)
    const parent = prefix.length === 1 ? ROOT : nodes.get(prefix.slice(0, -1))!
    next.set(parent * 128 + prefix.charCodeAt(prefix.length - 1), id)
  }
  const ends = new Uint8Array(nodes.size + 1)
  for (const squash of index.bySquash.keys()) {
    const id = nodes.get(squash)
    if (id !== undefined) ends[id] = 1
  }
  const transitions = new IntTable(next)
  const walk = (node: number, piece: string): number => {
    for (let at = 0; at < piece.length && node !== NONE; at++) node = transitions.get(node * 128 + piece.charCodeAt(at))
    return node
  }
  const squashedFirst = perWordType((key: string) => {
    const squash = squashAtom(key)
    // A code unit past 127 would read another node's transitions: no prefix holds one.
    for (let at = 0; at < squash.length; at++) if (squash.charCodeAt(at) > 127) return NONE
    return squash.length === 0 ? NONE : walk(ROOT, squash)
  })
  trie = {
    ends,
    // A key of ASCII lower-case letters and digits is its own squash: walked
    // in place, which ends after a letter or two for most words, cheaper than
    // a lookup in a map of every word type. Any other key is squashed first;
    // a walk already out of the trie stays out, the squash beginning with
    // the letters walked.
    first: (key) => {
      let node = ROOT
      for (let at = 0; at < key.length && node !== NONE; at++) {
        const code = key.charCodeAt(at)
        if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return squashedFirst(key)
        node = transitions.get(node * 128 + code)
      }
      return key.length === 0 ? squashedFirst(key) : node
    },
    walk,
    // The same reading from any node: a key of ASCII lower-case letters and digits is walked in
    // place, any other squashed first (per word type).
    next: (node, key) => {
      let reached = node
      for (let at = 0; at < key.length && reached !== NONE; at++) {
        const code = key.charCodeAt(at)
        if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return walk(node, squashAtom(key))
        reached = transitions.get(reached * 128 + code)
      }
      return reached
    }
  }
  tries.set(index, trie)
  return trie
}

/**
 * A fixed map of non-negative integers to integers as two typed arrays with
 * open addressing: the trie's letter-by-letter walk looks a transition up
 * per letter, which a `Map` of numbers made a third of the rule's time.
 */
class IntTable {
  private readonly keys: Int32Array
  private readonly values: Int32Array
  private readonly shift: number
  private readonly mask: number

  constructor(entries: ReadonlyMap<number, number>) {
    // At most half full: a lookup that misses ends at an empty slot soon.
    let bits = 1
    while (1 << bits < entries.size * 2) bits++
    this.shift = 32 - bits
    this.mask = (1 << bits) - 1
    this.keys = new Int32Array(1 << bits).fill(-1)
    this.values = new Int32Array(1 << bits)
    for (const [key, value] of entries) {
      let slot = this.slotOf(key)
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask
      this.keys[slot] = key
      this.values[slot] = value
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift
  }

  /** The value of `key`, or {@link NONE}. */
  get(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!
      if (found === key) return this.values[slot]!
      if (found === -1) return NONE
    }
  }
}

/**
 * The findings of the entity rule on one text: organisation acronyms with
 * confused or swapped letters (`OBCW` for OPCW), known names split, joined
 * or miscased (`Face book`, `Coca Cola`, `Whatsapp`), and unknown words
 * that sound like exactly one known brand (`Tawakalna`: Tawakkalna?).
 */
export function checkEntities(index: EntityIndex, source: string, atoms: readonly Atom[], context: EntityContext): Finding[] {
  const findings: Finding[] = []
  const taken = context.taken ?? []
  // A loop, not `some` with a closure: asked of most capitalised words.
  const isTaken = (start: number, end: number) => {
    for (const [from, to] of taken) if (from < end && start < to) return true
    return false
  }
  const live = (entities: KnownEntity[] | undefined) => entities?.filter((entity) => !context.isOff(entity.pack))
  const trie = trieOf(index)
  for (let first = 0; first < atoms.length; first++) {
    const atom = atoms[first]!
    if (atom.joint === 'joined') continue
    // Runs of words whose letters begin a known name, read on while they do; the longest is judged first.
    // Most words begin none: the list is made only for a name found.
    let ends: number[] | undefined
    let node = ROOT
    for (let at = first; at < atoms.length && at - first <= index.maxAtoms; at++) {
      if (at > first && !CONTINUES.has(atoms[at]!.joint)) break
      node = at === first ? trie.first(atoms[at]!.key) : trie.next(node, atoms[at]!.key)
      if (node === NONE) break
      if (atoms[at + 1]?.joint !== 'joined' && trie.ends[node] === 1) (ends ??= []).push(at)
    }
    let judged = false
    for (let position = (ends?.length ?? 0) - 1; ends && position >= 0 && !judged; position--) {
      const end = ends[position]!
      let letters = ''
      for (let at = first; at <= end; at++) letters += squashAtom(atoms[at]!.key)
      const entities = live(index.bySquash.get(letters))
      if (!entities || entities.length === 0) continue
      if (inLink(source, atom, atoms[end]!) || isTaken(atom.start, atoms[end]!.end)) {
        judged = true
        first = end
        break
      }
      const result = judgeForm(entities, source.slice(atom.start, atoms[end]!.end), atoms, first, end, source, context)
      if (result === undefined) continue
      if (result) findings.push(result)
      judged = true
      first = end
    }
    // Two or three capitalised words of a known name in another order.
    if (!judged && index.byWords.size > 0 && atoms[first + 1]?.joint === 'space' && startsUpper(source, atom.start)) {
      for (let end = Math.min(first + 2, atoms.length - 1); end > first && !judged; end--) {
        const reordered = reorderedName(index, source, atoms, first, end)
        if (!reordered || isTaken(atom.start, atoms[end]!.end) || context.isOff(reordered.pack)) continue
        const actual = source.slice(atom.start, atoms[end]!.end)
        findings.push(finding(FORM, actual, [reordered.form], atom.start, atoms[end]!.end, 'The words of a known name in another order: machine translation puts the country or the kind of company first, as Arabic does.', false))
        judged = true
        first = end
      }
    }
    if (judged) continue
    // One word alone: a garbled acronym or a sound-alike of a brand.
    if (atoms[first + 1]?.joint === 'joined') continue
    // Most atoms are lower-case words: no slice for them (an ASCII first letter that is not a capital).
    const firstCode = source.charCodeAt(atom.start)
    if (firstCode < 128 && (firstCode < 65 || firstCode > 90)) continue
    const word = atom.text
    if (!isCapitalisedWord(word) || isTaken(atom.start, atom.end) || inLink(source, atom, atom)) continue
    if (isAllCaps(word)) {
      if (context.isOff(ACRONYM) || inCapitals(source, atoms, first)) continue
      const found = judgeAcronym(index, word, context)
      if (found) {
        findings.push(
          finding(
            ACRONYM,
            word,
            [found.acronym],
            atom.start,
            atom.end,
            found.certain
              ? 'Arabic script has no p and no v: machine translation writes b for p and f for v in acronyms it spells back.'
              : 'Letters of a listed acronym confused or swapped.',
            found.certain,
            found.certain ? 'warning' : 'info'
          )
        )
      }
      continue
    }
    if (word.length < 4 || context.isOff(SOUNDALIKE) || index.guards.has(word) || context.isWord(word) || context.isName(word)) continue
    // Inside a run of capitalised words it is part of a longer name nobody listed (`Ras El Hekma`).
    if (capitalisedNeighbour(source, atoms, first)) continue
    const skeleton = skeletonOf(word)
    if (skeleton.length < 4) continue
    const entities = live(index.bySkeleton.get(skeleton))
    if (!entities) continue
    const forms = otherForms(entities, word)
    if (forms.length !== 1) continue
    const form = forms[0]!
    if (isAcronymForm(form) && word.length < 5) continue
    if (Math.abs(form.length - word.length) > 2) continue
    const certain = onlyArabicPairs(word, form) && word.length >= 6
    const expected = adaptCase(form, word, atom.sentenceStart)
    findings.push(
      finding(
        SOUNDALIKE,
        word,
        [expected],
        atom.start,
        atom.end,
        'Sounds like a known brand or organisation spelled back from Arabic, which writes no short vowels and has no p or v.',
        certain,
        certain ? 'warning' : 'info'
      )
    )
  }
  return findings
}

/**
 * Report organisations, brands and acronyms that machine translation split,
 * joined, miscased or spelled back from Arabic (`entities.acronym`,
 * `entities.form`, `entities.soundalike`), against the `entities` and
 * `acronyms` lists and the organisation and term entries of the packs.
 * Title-case acronyms (`Opec`, `Nato`) are a house style and left alone.
 */
export default function retextPosteditEntities(options?: EntitiesOptions) {
  const rules = rulesOf(options)
  const isOff = isOffFor(options?.disable)
  // The gazetteer's words as the processor's first check found them: looked up
  // per file, they cost a check of every gazetteer file per file.
  let known: Pick<ReadonlySet<string>, 'has'> | undefined
  return (tree: Root, file: VFile): void => {
    if (isOff('entities')) return
    const index = entityIndex(rules)
    if (index.bySquash.size === 0) return
    const names = (known ??= gazetteerNameWords(options?.names))
    const text = textIndex(tree, String(file.value))
    const context: EntityContext = {isOff, isWord: isKnownWord, isName: (word) => names.has(word), taken: claimedRanges(file)}
    for (const found of checkEntities(index, text.source, text.atoms, context)) if (!isOff(found.ruleId)) report(file, found)
  }
}
