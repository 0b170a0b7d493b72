/**
 * British spellings that `dictionary-en` (American) lacks, as rewrites to the
 * American form: a word is accepted when one of its rewrites is a dictionary
 * word. Both spellings are correct in news (BBC, Guardian vs AP), so neither
 * is ever flagged.
 */
const REWRITES: Array<[RegExp, string]> = [
  // colour, behavioural, favourite
  [/our(?=[a-z])|our$/g, 'or'],
  // organise, realised, organisation(al), criticises
  [/is(?=(?:e|ed|es|ing|er|ers|able|ation|ations|ational)$)/g, 'iz'],
  // analyse, paralysed
  [/ys(?=(?:e|ed|es|ing|er|ers)$)/g, 'yz'],
  // centre, metres, centred
  [/([^aeiou])re(?=$|s$)/g, '$1er'],
  [/([^aeiou])red$/g, '$1ered'],
  // defence, offence, licence, pretence
  [/ence(?=$|s$)/g, 'ense'],
  // catalogue, analogue
  [/ogue(?=$|s$|d$)/g, 'og'],
  // paediatric, haemorrhage, leukaemia, oedema, diarrhoea, faeces
  [/ae|oe/g, 'e'],
  // programme, judgement, acknowledgement, ageing
  [/mme(?=$|s$)/g, 'm'],
  [/dgement/g, 'dgment'],
  [/eing$/g, 'ing']
]

/** travelled, cancelling, counsellor, worshipped, jewellery: British doubling. */
const DOUBLED = /([lp])\1(?=(?:ed|ing|er|ers|or|ors|ery|ist|ists|ous)$)/g

/** fulfil, enrol, instalment, skilful: British single l. */
const SINGLE_L = /(?<=[aeiou])l(?=$|s$|ment|ments|ful)/g

/**
 * American forms that a British spelling of `word` may stand for (none for
 * most words). Rewrites combine, so `counselling` and `behavioural` work.
 */
export function americanForms(word: string): string[] {
  const forms = new Set<string>([word])
  const steps: Array<[RegExp, string]> = [...REWRITES, [DOUBLED, '$1'], [SINGLE_L, 'll']]
  for (const [pattern, replacement] of steps) {
    for (const form of [...forms]) {
      pattern.lastIndex = 0
      if (!pattern.test(form)) continue
      pattern.lastIndex = 0
      forms.add(form.replace(pattern, replacement))
    }
  }
  forms.delete(word)
  return [...forms]
}

/** `word` without diacritics (`Déjà` → `Deja`), or itself when it has none. */
export function withoutMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '')
}
