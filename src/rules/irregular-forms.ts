import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {claimedRanges, report} from '../engine/report.js'
import {textIndex} from '../engine/text-index.js'
import type {Finding} from '../engine/types.js'
import {defineRule} from './meta.js'
import {isOffFor, type RuleOptions} from './options.js'

/**
 * Irregular verbs and nouns given the regular ending (`catched`, `childs`).
 * Machine translation and writers in a second language regularise them; the
 * spelling dictionary's affix rules accept most such forms, so the spelling
 * rule never sees them.
 */
export const IRREGULAR_RULES = {
  regularised: defineRule({
    id: 'spelling.regularised',
    description:
      'An irregular verb or noun given the regular ending (`catched`, `teached`, `childs`): fixed to the irregular form, the past participle after have or be.',
    fixable: true,
    severity: 'warning'
  })
} as const

/** The rule id of {@link IRREGULAR_RULES}. */
export const REGULARISED = IRREGULAR_RULES.regularised.id

// Verbs: regularised form, then the past tense and the past participle.
// Forms that are words of their own are left out: leaded (petrol), singed,
// hanged, lighted, shined, costed, putted, payed (out), flied (out), teared
// (up), creeped (out), (on) bended (knee), awaked, mans, foots, knifes; and
// sayed, a name.
const VERBS = `
arise arised arose arisen|bear beared bore borne|beat beated beat beaten|become becomed became become
begin beginned began begun|bite bited bit bitten|bleed bleeded bled bled|blow blowed blew blown
break breaked broke broken|breed breeded bred bred|bring bringed brought brought|build builded built built|buy buyed bought bought
catch catched caught caught|choose choosed chose chosen|come comed came come|cut cutted cut cut
deal dealed dealt dealt|dig digged dug dug|do doed did done|draw drawed drew drawn|drink drinked drank drunk|drive drived drove driven
eat eated ate eaten|fall falled fell fallen|feed feeded fed fed|feel feeled felt felt|fight fighted fought fought|find finded found found
flee fleed fled fled|fly flyed flew flown|forbid forbidded forbade forbidden|forget forgetted forgot forgotten
forgive forgived forgave forgiven|freeze freezed froze frozen|give gived gave given|go goed went gone|grow growed grew grown
have haved had had|hear heared heard heard|hide hided hid hidden|hit hitted hit hit|hold holded held held|hurt hurted hurt hurt
keep keeped kept kept|know knowed knew known|lay layed laid laid|lend lended lent lent|lose losed lost lost|make maked made made
mean meaned meant meant|meet meeted met met|mistake mistaked mistook mistaken|overcome overcomed overcame overcome
overthrow overthrowed overthrew overthrown|read readed read read|ride rided rode ridden|rise rised rose risen|run runned ran run
see seed saw seen|seek seeked sought sought|sell selled sold sold|send sended sent sent|shake shaked shook shaken
shoot shooted shot shot|shut shutted shut shut|sing singed sang sung|sink sinked sank sunk|sleep sleeped slept slept
speak speaked spoke spoken|spend spended spent spent|split splitted split split|spread spreaded spread spread|stand standed stood stood
steal stealed stole stolen|stick sticked stuck stuck|sting stinged stung stung|strike striked struck struck|swear sweared swore sworn
sweep sweeped swept swept|swim swimmed swam swum|swing swinged swung swung|take taked took taken|teach teached taught taught
tell telled told told|think thinked thought thought|throw throwed threw thrown|understand understanded understood understood
undertake undertaked undertook undertaken|wear weared wore worn|win winned won won|withdraw withdrawed withdrew withdrawn|write writed wrote written
`

// Nouns: regularised plural, then the plural.
const NOUNS = `
childs children|womans women|tooths teeth|gooses geese|sheeps sheep|fishs fish|thiefs thieves|wifes wives|lifes lives|halfs halves
shelfs shelves|selfs selves|calfs calves|crisises crises|analysises analyses|thesises theses|oasises oases|phenomenons phenomena
criterions criteria|datas data|mouses mice|louses lice|oxes oxen
`

/** Regularised forms that are no words of their own: `seed`, `singed`, `mouses` (a computer's) are. */
const WORDS_OF_THEIR_OWN = new Set(['seed', 'singed', 'mouses'])

interface Form {
  past?: string
  participle?: string
  plural?: string
}

let forms: Map<string, Form> | undefined
/** The table, built on first use. */
function formsOf(): Map<string, Form> {
  if (forms) return forms
  forms = new Map()
  for (const entry of VERBS.split(/[|\n]/)) {
    const [, wrong, past, participle] = entry.trim().split(/\s+/)
    if (wrong && !WORDS_OF_THEIR_OWN.has(wrong)) forms.set(wrong, {past: past!, participle: participle!})
  }
  for (const entry of NOUNS.split(/[|\n]/)) {
    const [wrong, plural] = entry.trim().split(/\s+/)
    if (wrong && !WORDS_OF_THEIR_OWN.has(wrong)) forms.set(wrong, {plural: plural!})
  }
  return forms
}

/** Forms of have and be before a participle (`had catched`, `was choosed`). */
const AUXILIARIES = new Set(['have', 'has', 'had', 'having', "'ve", 'be', 'been', 'being', 'is', 'are', 'was', 'were', 'am', 'get', 'got', 'gets', 'getting'])
/** Words that may stand between the auxiliary and the participle: `had already catched`, `were not choosed`. */
const BETWEEN = /^(?:not|never|already|just|also|been|being|recently|finally|reportedly|allegedly|successfully|n't)$/

/**
 * The findings on one text: each regularised form in the table, with the
 * irregular one. A verb whose past and participle differ takes the
 * participle after have or be (up to two adverbs between), the past tense
 * otherwise; before `by` with no auxiliary (`the man choosed by them`, a
 * participle or a past) both are suggested and none is fixed.
 */
export function checkIrregularForms(words: ReadonlyArray<{value: string; start: number; end: number}>, taken: () => ReadonlyArray<[number, number]> = () => []): Finding[] {
  const findings: Finding[] = []
  const table = formsOf()
  let claimed: ReadonlyArray<[number, number]> | undefined
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    // The table first: almost every word misses it, so the case test runs for the few that hit.
    const form = table.get(word.value)
    // Lower case only: a capitalised form is a name (Childs) or a headline.
    if (!form || /\p{Lu}/u.test(word.value)) continue
    // What other rules claimed, read only once a form is found (most texts have none).
    claimed ??= taken()
    if (claimed.some(([from, to]) => from < word.end && word.start < to)) continue
    let expected: string[]
    let certain = true
    if (form.plural) expected = [form.plural]
    else if (form.past === form.participle) expected = [form.past!]
    else {
      let auxiliary = false
      for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
        const previous = words[back]!.value.toLowerCase()
        if (AUXILIARIES.has(previous)) {
          auxiliary = true
          break
        }
        if (!BETWEEN.test(previous)) break
      }
      if (auxiliary) expected = [form.participle!]
      else if (words[index + 1]?.value.toLowerCase() === 'by') {
        expected = [form.past!, form.participle!]
        certain = false
      } else expected = [form.past!]
    }
    const finding: Finding = {
      ruleId: REGULARISED,
      reason: `Unexpected \`${word.value}\`, expected ${expected.map((text) => `\`${text}\``).join(' or ')}`,
      start: word.start,
      end: word.end,
      actual: word.value,
      expected,
      severity: 'warning',
      note: form.plural ? 'An irregular noun: its plural does not take -s.' : 'An irregular verb: its past tense and participle do not take -ed.'
    }
    if (certain) finding.fix = {start: word.start, end: word.end, text: expected[0]!}
    findings.push(finding)
  }
  return findings
}

/** Report irregular verbs and nouns given the regular ending (`spelling.regularised`). */
export default function retextPosteditIrregularForms(options?: RuleOptions) {
  const isOff = isOffFor(options?.disable)
  return (tree: Root, file: VFile): void => {
    if (isOff(REGULARISED)) return
    const index = textIndex(tree, String(file.value))
    for (const finding of checkIrregularForms(index.words, () => claimedRanges(file))) report(file, finding)
  }
}
