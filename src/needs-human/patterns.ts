import type {Finding, Severity} from '../engine/types.js'
import type {Lexicon} from './lexicon.js'
import type {Sentence, Token} from './sentences.js'
import {isCapitalAt} from '../infra/capital-at.js'
import {
  AUXILIARIES,
  DETERMINERS,
  DITRANSITIVE_PARTICIPLES,
  FUNCTION_WORDS,
  INABILITY,
  MODALS,
  NEGATED_AUXILIARIES,
  PARTICIPLE_LINKS,
  POSSESSIVES,
  PREPOSITIONS,
  QUANTITIES,
  REPORTING_VERBS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS
} from './words.js'

/** What a pattern reads besides the sentence. */
export interface PatternContext {
  /** The part-of-speech lexicon, loaded on first call. */
  lexicon: () => Lexicon
  /** The sentences before this one in the article, nearest last. */
  previous: readonly Sentence[]
}

/** What a check gives back when it finds nothing (most sentences): one shared list, never changed. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([])

/** One needs-human pattern: its id, its severity, and the check. */
export interface Pattern {
  id: string
  severity: Severity
  description: string
  check(sentence: Sentence, context: PatternContext): readonly Finding[]
}

const OPENING_QUOTES = new Set(['"', '“', '‘', '«'])
const CLOSING_QUOTES = new Set(['"', '”', '’', '»'])
const isWord = (token: Token | undefined): token is Token => token?.kind === 'word'
const isCapitalized = (token: Token | undefined): token is Token => isWord(token) && isCapitalAt(token.text, 0)
// What a word token begins with, ASCII without the expression (patterns ask it of most tokens).
const LOWER_FIRST = /^\p{Ll}/u
const isLowerWord = (token: Token | undefined): token is Token => {
  if (!isWord(token)) return false
  const code = token.text.charCodeAt(0)
  return code < 128 ? code >= 97 && code <= 122 : LOWER_FIRST.test(token.text)
}
const isNegation = (token: Token | undefined) => token !== undefined && (token.lower === 'not' || token.lower === 'never' || NEGATED_AUXILIARIES.has(token.lower))
const isPossessiveNoun = (token: Token | undefined) => isWord(token) && /'s$|s'$/.test(token.lower)

/** A finite past form that is not also a base form: "rejected", not "read" or "put". */
const isPast = (lexicon: Lexicon, word: string) => !FUNCTION_WORDS.has(word) && !AUXILIARIES.has(word) && lexicon.has(word, 'VBD') && !lexicon.has(word, 'VB') && !lexicon.has(word, 'VBP')
/** A word that is only ever a verb form, never a noun or adjective ("examined", "aims" is not). */
const isOnlyVerb = (lexicon: Lexicon, word: string) =>
  (lexicon.has(word, 'VBD') || lexicon.has(word, 'VBZ') || lexicon.has(word, 'VBN')) && !lexicon.has(word, 'NN') && !lexicon.has(word, 'NNS') && !lexicon.has(word, 'JJ')

/** Whether the token opens a noun phrase: a determiner, a number, a quantity, a name. */
function opensNounPhrase(token: Token | undefined, lexicon: Lexicon, options: {barePlural?: boolean} = {}): boolean {
  if (!token) return false
  if (token.kind === 'number') return true
  if (token.kind !== 'word') return false
  if (DETERMINERS.has(token.lower) || QUANTITIES.has(token.lower) || isPossessiveNoun(token)) return true
  if (isCapitalized(token) && token.lower !== 'i' && !PREPOSITIONS.has(token.lower)) return true
  if (options.barePlural) return lexicon.has(token.lower, 'NNS') && !lexicon.has(token.lower, 'VBD')
  return false
}

/** Whether the token opens a subject: what a participle opener's comma is followed by. */
const opensSubject = (token: Token | undefined) =>
  token !== undefined &&
  (token.kind === 'number' || (isWord(token) && (DETERMINERS.has(token.lower) || SUBJECT_PRONOUNS.has(token.lower) || (isCapitalized(token) && !/^(?:and|but|which|who|while|as|or)$/.test(token.lower)))))

/** Whether a token can only be a finite verb or an auxiliary: the clause has its verb. */
function isFiniteVerb(token: Token | undefined, lexicon: Lexicon): boolean {
  if (!isWord(token)) return false
  if (AUXILIARIES.has(token.lower) || NEGATED_AUXILIARIES.has(token.lower)) return true
  return isOnlyVerb(lexicon, token.lower) && (lexicon.has(token.lower, 'VBD') || lexicon.has(token.lower, 'VBZ'))
}

/**
 * Whether the tokens hold a verb that looks finite: an auxiliary, a past
 * form not after a determiner, or a present form that is never a plural
 * noun. A clause that has one has its own subject-verb order.
 */
function hasFiniteVerb(tokens: readonly Token[], lexicon: Lexicon): boolean {
  for (const [index, token] of tokens.entries()) {
    if (!isLowerWord(token) || FUNCTION_WORDS.has(token.lower)) continue
    if (AUXILIARIES.has(token.lower) || NEGATED_AUXILIARIES.has(token.lower)) return true
    const before = tokens[index - 1]
    if (isPast(lexicon, token.lower) && !(before && (DETERMINERS.has(before.lower) || isPossessiveNoun(before)))) return true
    if (lexicon.has(token.lower, 'VBZ') && !lexicon.has(token.lower, 'NNS')) return true
    // "armed men stand guard": a plural noun, then a present-tense verb.
    if (lexicon.has(token.lower, 'VBP') && before && isLowerWord(before) && lexicon.has(before.lower, 'NNS') && !lexicon.has(before.lower, 'VBD')) return true
  }
  return false
}

const finding = (pattern: Pick<Pattern, 'id' | 'severity'>, start: number, end: number, reason: string, note: string): Finding => ({
  ruleId: pattern.id,
  severity: pattern.severity,
  start,
  end,
  reason,
  note
})

/** Index of the next token at or after `from` that is a comma, a semicolon or the end. */
function clauseEnd(tokens: readonly Token[], from: number): number {
  for (let index = from; index < tokens.length; index++) if (/^[,;:]$/.test(tokens[index]!.text)) return index
  return tokens.length
}

/** End offset of the clause starting at token `from` (without its closing punctuation). */
const clauseEndOffset = (sentence: Sentence, from: number) => {
  const end = clauseEnd(sentence.tokens, from)
  const last = sentence.tokens[Math.min(end, sentence.tokens.length) - 1]
  return last && /^[.!?]$/.test(last.text) && end === sentence.tokens.length ? (sentence.tokens[end - 2]?.end ?? last.end) : (last?.end ?? sentence.end)
}

/** Whether the tokens from `from` are a closing attribution: a short subject, a reporting verb, the end. */
function isAttribution(tokens: readonly Token[], from: number): boolean {
  const rest = tokens.slice(from).filter((token) => token.kind !== 'punctuation')
  if (rest.length === 0 || rest.length > 6 || clauseEnd(tokens, from) !== tokens.length) return false
  return rest.some((token) => REPORTING_VERBS.has(token.lower))
}

/** Words that open a clause of their own: a verb after them is not the verb of the clause before. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'whether', 'if', 'because', 'while', 'although', 'though', 'unless'])

/** Index where the clause from `from` ends, or a subordinate clause inside it starts. */
function subjectEnd(tokens: readonly Token[], from: number): number {
  const end = clauseEnd(tokens, from)
  for (let index = from + 1; index < end; index++) if (CLAUSE_OPENERS.has(tokens[index]!.lower)) return index
  return end
}

/**
 * Whether a sentence-initial reporting verb is quote inversion: a short
 * speaker, then a colon, a comma or a quotation mark ("Said the minister:
 * …"), not "Said the minister that …" or "Stresses the report the need …".
 */
function isQuoteInversion(tokens: readonly Token[]): boolean {
  for (let index = 1; index < Math.min(tokens.length, 9); index++) {
    const token = tokens[index]!
    if (token.lower === 'that') return false
    if (token.kind === 'punctuation') return /^[:,"“”«»]$/u.test(token.text)
  }
  return false
}

const endsWithQuestion = (sentence: Sentence) => /\?\s*["”’»)]*\s*$/u.test(sentence.text)

/** End of the sentence without trailing white space. */
const sentenceEnd = (sentence: Sentence) => sentence.start + sentence.text.trimEnd().length

const verbFirst: Pattern = {
  id: 'needs-human.verb-first',
  severity: 'warning',
  description:
    'A sentence that opens with a finite verb followed by its subject or object ("Approved the cabinet the budget"): Arabic verb-subject-object order carried into English. Quote inversion ("Said the minister: …"), imperatives, questions, participle openers ("Asked about it, the minister said …") and headlines are left alone.',
  check(sentence, context) {
    if (sentence.headline || endsWithQuestion(sentence)) return NO_FINDINGS
    const tokens = sentence.tokens
    const first = tokens[0]
    if (!isCapitalized(first) || tokens.length < 5) return NO_FINDINGS
    const lexicon = context.lexicon()
    const word = first.lower
    if (FUNCTION_WORDS.has(word)) return NO_FINDINGS
    let nounPhrase = -1
    let what = ''
    if (MODALS.has(word) && isLowerWord(tokens[1]) && lexicon.has(tokens[1]!.lower, 'VB') && !DETERMINERS.has(tokens[1]!.lower)) {
      // "Will start the operators offering …": a modal, a verb, then the subject.
      nounPhrase = 2
      what = `\`${first.text} ${tokens[1]!.text}\` before its subject`
    } else if (/^(?:did|does|has)$/.test(word) && tokens[1]?.lower === 'not' && isLowerWord(tokens[2]) && (lexicon.has(tokens[2]!.lower, 'VB') || lexicon.has(tokens[2]!.lower, 'VBN'))) {
      // "Did not record the authorities any …": never an imperative, and no question here.
      nounPhrase = 3
      what = `\`${first.text} not ${tokens[2]!.text}\` before its subject`
    } else if (/^(?:didn't|doesn't|hasn't)$/.test(word) && isLowerWord(tokens[1]) && lexicon.has(tokens[1]!.lower, 'VB')) {
      nounPhrase = 2
      what = `\`${first.text} ${tokens[1]!.text}\` before its subject`
    } else if (isPast(lexicon, word) || (lexicon.has(word, 'VBZ') && !lexicon.has(word, 'NN') && !/^(?:thanks|news|is|was|has)$/.test(word))) {
      // "Said the minister: …", "…," said the minister": inversion English allows; "Said the minister that …" is not.
      if (REPORTING_VERBS.has(word) && isQuoteInversion(tokens)) return NO_FINDINGS
      if (PARTICIPLE_LINKS.has(tokens[1]?.lower ?? '')) return NO_FINDINGS // "Killed in the attack were …"
      nounPhrase = 1
      what = `the verb \`${first.text}\` before its subject`
    }
    if (nounPhrase === -1 || !opensNounPhrase(tokens[nounPhrase], lexicon)) return NO_FINDINGS
    // A past participle opener ends at a comma followed by the main clause's
    // subject ("Asked about the plan, the minister said …"); a closing
    // attribution ("…, the ministry said.") is not a main clause.
    const comma = tokens.findIndex((token) => token.text === ',')
    if (nounPhrase === 1 && isPast(lexicon, word) && comma !== -1 && !isAttribution(tokens, comma + 1)) {
      if (opensSubject(tokens[comma + 1]) || DITRANSITIVE_PARTICIPLES.has(word)) return NO_FINDINGS
    }
    // "Detained Reuters journalists were released": the opener is an adjective of a subject with its own verb.
    if (hasFiniteVerb(tokens.slice(nounPhrase, subjectEnd(tokens, nounPhrase)), lexicon)) return NO_FINDINGS
    return [
      finding(
        verbFirst,
        sentence.start,
        sentenceEnd(sentence),
        `Check word order: the sentence opens with ${what}, as Arabic does; English puts the subject first`,
        'Verb-subject-object order is normal in Arabic and reads as garbled English ("Approved the cabinet the budget" for "The cabinet approved the budget"). A human must work out who did what.'
      )
    ]
  }
}

const verbAfterConjunction: Pattern = {
  id: 'needs-human.verb-after-conjunction',
  severity: 'warning',
  description:
    'A conjunction that opens a clause followed by a past-tense verb and then its subject ("while insisted negotiators on their demands"): verb-first order inside a sentence. "when asked the question" and other elliptical participles are left alone.',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 0; index < tokens.length - 2; index++) {
      const conjunction = tokens[index]!
      if (!isWord(conjunction) || !SUBORDINATORS.has(conjunction.lower)) continue
      const verb = tokens[index + 1]!
      if (!isLowerWord(verb) || DITRANSITIVE_PARTICIPLES.has(verb.lower)) continue
      const lexicon = context.lexicon()
      if (!isPast(lexicon, verb.lower)) continue
      const next = tokens[index + 2]
      if (!next || PARTICIPLE_LINKS.has(next.lower) || !opensNounPhrase(next, lexicon, {barePlural: true})) continue
      // "while armed men stood guard": an adjective before a subject that has its verb.
      if (hasFiniteVerb(tokens.slice(index + 2, subjectEnd(tokens, index + 2)), lexicon)) continue
      ;(found ??= []).push(
        finding(
          verbAfterConjunction,
          conjunction.start,
          clauseEndOffset(sentence, index + 1),
          `Check word order: \`${conjunction.text} ${verb.text}\` puts the verb before its subject`,
          'After a conjunction such as "while" or "after" English needs the subject first ("while negotiators insisted", not "while insisted negotiators").'
        )
      )
    }
    return found ?? NO_FINDINGS
  }
}

/** Whether a noun phrase starting at `from` is followed at once by another ("the agreement the final stage"). */
function followsWithSecondNounPhrase(tokens: readonly Token[], from: number): boolean {
  for (let index = from + 1; index <= Math.min(from + 4, tokens.length - 1); index++) {
    const token = tokens[index]!
    if (!isLowerWord(token)) return false
    if (token.lower === 'the' || token.lower === 'a' || token.lower === 'an') return true
    if (PREPOSITIONS.has(token.lower) || FUNCTION_WORDS.has(token.lower)) return false
  }
  return false
}

const reportingThatAux: Pattern = {
  id: 'needs-human.reporting-that-aux',
  severity: 'warning',
  description:
    'A reporting verb, "that", then a negated auxiliary with no subject between ("Observers predicted that will not reach the agreement the final stage"): the subject of the reported clause is lost or moved. A warning when two noun phrases follow the verb; a notice otherwise, since "that" can be the subject ("said that does not change the facts").',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 0; index < tokens.length - 4; index++) {
      const verb = tokens[index]!
      // `that` first: one comparison rules out most tokens before the set is asked.
      if (tokens[index + 1]?.lower !== 'that' || !isWord(verb) || !REPORTING_VERBS.has(verb.lower)) continue
      const aux = tokens[index + 2]!
      const negated = NEGATED_AUXILIARIES.has(aux.lower) || (/^(?:do|does|did|will|would|can|could|has|have)$/.test(aux.lower) && tokens[index + 3]?.lower === 'not')
      // "predicted that will not reach the agreement …": a negated auxiliary, a verb and its object, and no subject.
      if (!negated) continue
      const lexicon = context.lexicon()
      const main = tokens[index + (NEGATED_AUXILIARIES.has(aux.lower) ? 3 : 4)]
      if (!isLowerWord(main) || !lexicon.has(main.lower, 'VB')) continue
      const objectAt = index + (NEGATED_AUXILIARIES.has(aux.lower) ? 4 : 5)
      if (!opensNounPhrase(tokens[objectAt], lexicon)) continue
      // "said that does not change the facts" can be English ("that" as the
      // subject); two noun phrases in a row after the verb cannot: a warning then, else a notice.
      const severity = followsWithSecondNounPhrase(tokens, objectAt) ? 'warning' : 'info'
      ;(found ??= []).push(
        finding(
          {id: reportingThatAux.id, severity},
          verb.start,
          clauseEndOffset(sentence, index + 2),
          `Check the reported clause: \`${verb.text} that ${aux.text}\` has no subject after "that"`,
          'The subject of the reported clause is missing or has moved after the verb; a human must rebuild it ("predicted that the agreement would not reach the final stage").'
        )
      )
    }
    return found ?? NO_FINDINGS
  }
}

const quoteBeforeParticiple: Pattern = {
  id: 'needs-human.quote-before-participle',
  severity: 'warning',
  description:
    'An opening quotation mark after a comma and before a lower-case -ing word (", “pointing to the progress …"): the quotation opens too early, before the reporting words rather than before the quoted ones.',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 1; index < tokens.length - 1; index++) {
      const quote = tokens[index]!
      if (!OPENING_QUOTES.has(quote.text) || tokens[index - 1]!.text !== ',') continue
      if (quote.text === '"' && !/\s/.test(sentence.text.charAt(quote.start - sentence.start - 1))) continue
      const word = tokens[index + 1]!
      if (!isLowerWord(word) || !word.lower.endsWith('ing')) continue
      if (!context.lexicon().has(word.lower, 'VBG')) continue
      ;(found ??= []).push(
        finding(
          quoteBeforeParticiple,
          quote.start,
          sentenceEnd(sentence),
          `Check the quotation: it opens before the participle \`${word.text}\`, not before the quoted words`,
          'A quotation mark placed before "expressing", "adding", "stressing" usually belongs before the quoted words that follow "that" or a colon; a human must place it.'
        )
      )
    }
    return found ?? NO_FINDINGS
  }
}

const relativeResumptive: Pattern = {
  id: 'needs-human.relative-resumptive',
  severity: 'warning',
  description:
    'An object relative clause whose verb has its own possessive object ("the fund, which the bank raised its capital …"): an Arabic resumptive pronoun; English needs "whose" or a rebuilt clause.',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 0; index < tokens.length - 4; index++) {
      const which = tokens[index]!
      if (which.lower !== 'which' && which.lower !== 'whom') continue
      const lexicon = context.lexicon()
      const subject = tokens[index + 1]
      if (!isWord(subject) || !(DETERMINERS.has(subject.lower) || isCapitalized(subject))) continue
      // The subject: up to five words, then a finite verb, then a possessive.
      for (let verbAt = index + 2; verbAt <= Math.min(index + 6, tokens.length - 2); verbAt++) {
        const verb = tokens[verbAt]!
        if (!isWord(verb)) break
        if (!isLowerWord(verb)) continue
        if (!(isPast(lexicon, verb.lower) || (lexicon.has(verb.lower, 'VBZ') && !lexicon.has(verb.lower, 'NNS')))) continue
        if (REPORTING_VERBS.has(verb.lower)) break
        if (POSSESSIVES.has(tokens[verbAt + 1]!.lower)) {
          ;(found ??= []).push(
            finding(
              relativeResumptive,
              which.start,
              clauseEndOffset(sentence, verbAt),
              `Check the relative clause: \`${which.text}\` is followed by a subject and \`${verb.text} ${tokens[verbAt + 1]!.text}\`, so "${which.text}" has no place in it`,
              'Arabic repeats the relative pronoun as a possessive ("which the bank raised its capital" for "whose capital the bank raised"); a human must rebuild the clause.'
            )
          )
        }
        break
      }
    }
    return found ?? NO_FINDINGS
  }
}

/** Whether the token at `index` is clearly a verb: after a modal, "to" or "not", or a past form after its subject. */
function isClearVerb(tokens: readonly Token[], index: number, lexicon: Lexicon): boolean {
  const token = tokens[index]
  const before = tokens[index - 1]
  if (!isLowerWord(token) || !before) return false
  if ((MODALS.has(before.lower) || before.lower === 'not' || before.lower === 'to' || NEGATED_AUXILIARIES.has(before.lower)) && lexicon.has(token.lower, 'VB')) return true
  if (!lexicon.has(token.lower, 'VBD')) return false
  if (isOnlyVerb(lexicon, token.lower)) return true
  // "The agreement limited, …": a noun with its determiner, then the verb.
  return isLowerWord(before) && lexicon.has(before.lower, 'NN') && DETERMINERS.has(tokens[index - 2]?.lower ?? '')
}

const wedgedRelative: Pattern = {
  id: 'needs-human.wedged-relative',
  severity: 'warning',
  description:
    'A relative clause wedged between a verb and its object ("The law will restrict, whose details …, the import of cars"): the clause belongs after the noun it describes.',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 2; index < tokens.length - 3; index++) {
      if (tokens[index]!.text !== ',') continue
      const relative = tokens[index + 1]!
      if (relative.lower !== 'which' && relative.lower !== 'whose') continue
      const lexicon = context.lexicon()
      if (!isClearVerb(tokens, index - 1, lexicon)) continue
      if (relative.lower === 'which') {
        // ", which …," must close and be followed by an object or a phrase, not a clause with its own verb.
        const closing = clauseEnd(tokens, index + 2)
        const after = tokens[closing + 1]
        if (closing >= tokens.length || tokens[closing]!.text !== ',' || !after) continue
        if (!(opensNounPhrase(after, lexicon) || (isWord(after) && PREPOSITIONS.has(after.lower)))) continue
        if (after.lower === 'and' || after.lower === 'but') continue
        const rest = tokens.slice(closing + 1, clauseEnd(tokens, closing + 1))
        if (rest.some((token) => isFiniteVerb(token, lexicon) || REPORTING_VERBS.has(token.lower))) continue
      }
      const verb = tokens[index - 1]!
      ;(found ??= []).push(
        finding(
          wedgedRelative,
          verb.start,
          clauseEndOffset(sentence, clauseEnd(tokens, index + 2) + 1),
          `Check the clause order: the relative clause after \`${verb.text},\` separates the verb from what follows it`,
          'A relative clause describes a noun and follows it; wedged after a verb it leaves the verb without its object. A human must move it after the noun it describes.'
        )
      )
    }
    return found ?? NO_FINDINGS
  }
}

const THREATEN = /^(?:threaten|threatens|threatened|threatening|risk|risks|risked|risking|jeopardize|jeopardizes|jeopardise|jeopardises)$/

const invertedThreat: Pattern = {
  id: 'needs-human.inverted-threat',
  severity: 'warning',
  description:
    'To threaten or risk an inability ("threatens the government\'s inability to pay"): the logic is inverted; what is threatened is the ability.',
  check(sentence) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 0; index < tokens.length - 1; index++) {
      const verb = tokens[index]!
      if (!THREATEN.test(verb.lower)) continue
      for (let next = index + 1; next <= Math.min(index + 5, tokens.length - 1); next++) {
        const word = tokens[next]!
        if (word.text === "'" || word.text === '’') continue // "the farmers’ inability"
        if (word.kind === 'punctuation') break
        if (!INABILITY.has(word.lower)) continue
        if (word.lower === 'failure' && tokens[next + 1]?.lower !== 'to') break
        ;(found ??= []).push(
          finding(
            invertedThreat,
            verb.start,
            word.end,
            `Check the logic: \`${sentence.text.slice(verb.start - sentence.start, word.end - sentence.start)}\` inverts the meaning; what is threatened is the ability`,
            'Arabic "yuhaddid bi-‘ajz" reads "threatens (to cause) the inability"; in English a threat is to the ability ("threatens the government\'s ability to pay").'
          )
        )
        break
      }
    }
    return found ?? NO_FINDINGS
  }
}

const EXCEPT_LINKS = new Set(['for', 'when', 'if', 'that', 'where', 'in', 'on', 'at', 'to', 'by', 'with', 'through', 'as', 'after', 'before', 'during', 'under', 'from', 'via'])

const notExcept: Pattern = {
  id: 'needs-human.not-except',
  severity: 'warning',
  description:
    'A negated verb followed directly by "except" ("could not save except a handful"): the Arabic exceptive "lam … illa" rendered word for word; English says "only".',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 2; index < tokens.length - 1; index++) {
      if (tokens[index]!.lower !== 'except') continue
      const verb = tokens[index - 1]!
      const lexicon = context.lexicon()
      if (!isLowerWord(verb) || !(lexicon.has(verb.lower, 'VB') || lexicon.has(verb.lower, 'VBN'))) continue
      if (EXCEPT_LINKS.has(tokens[index + 1]!.lower) || tokens[index + 1]!.kind === 'punctuation') continue
      let negation = -1
      for (let back = index - 2; back >= Math.max(0, index - 5); back--) {
        if (tokens[back]!.kind === 'punctuation') break
        if (isNegation(tokens[back]) || tokens[back]!.lower === 'cannot') {
          negation = back
          break
        }
      }
      if (negation === -1) continue
      ;(found ??= []).push(
        finding(
          notExcept,
          tokens[negation]!.start,
          clauseEndOffset(sentence, index),
          `Check the negation: \`${tokens[negation]!.text} … ${verb.text} except\` reads as a literal exceptive; English says "only"`,
          'Arabic "lam … illa" (not … except) means "only": "could save only a handful", not "could not save except a handful".'
        )
      )
    }
    return found ?? NO_FINDINGS
  }
}

const NO_LONGER_COMPLEMENTS = new Set(`possible able capable feasible permissible allowed acceptable
  necessary enough sufficient easy affordable available valid effective viable clear known`.split(/\s+/))

const didNotReturn: Pattern = {
  id: 'needs-human.did-not-return',
  severity: 'warning',
  description:
    '"did not return" followed by an adjective ("it did not return possible for farmers to …"): the Arabic "lam ya‘ud" (no longer) rendered word for word.',
  check(sentence) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 1; index < tokens.length - 1; index++) {
      const word = tokens[index]!
      if (word.lower !== 'return' && word.lower !== 'returned' && word.lower !== 'returns') continue
      const complement = tokens[index + 1]!
      if (!NO_LONGER_COMPLEMENTS.has(complement.lower)) continue
      const negation = isNegation(tokens[index - 1]) ? index - 1 : -1
      if (negation === -1) continue
      const start = tokens[negation - 1] && AUXILIARIES.has(tokens[negation - 1]!.lower) ? negation - 1 : negation
      ;(found ??= []).push(
        finding(
          didNotReturn,
          tokens[start]!.start,
          complement.end,
          `Check the meaning: \`${sentence.text.slice(tokens[start]!.start - sentence.start, complement.end - sentence.start)}\` renders Arabic "lam ya‘ud", which means "no longer"`,
          'Arabic "lam ya‘ud" is literally "did not return" and means "no longer": "it is no longer possible", not "it did not return possible".'
        )
      )
    }
    return found ?? NO_FINDINGS
  }
}

const allNot: Pattern = {
  id: 'needs-human.all-not',
  severity: 'info',
  description:
    'A subject with "all" and a negated verb ("all of the schools did not open"): it can mean that none did or that not all did; a human must check which.',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 0; index < tokens.length - 3; index++) {
      const all = tokens[index]!
      if (all.lower !== 'all') continue
      const before = tokens[index - 1]
      if (before && !(before.text === ',' || before.text === ';' || before.lower === 'that' || before.lower === 'and' || before.lower === 'but')) continue
      const lexicon = context.lexicon()
      for (let next = index + 1; next <= Math.min(index + 10, tokens.length - 2); next++) {
        const token = tokens[next]!
        if (token.kind === 'punctuation' && token.text !== "'" && token.text !== '’') break
        const negated = (AUXILIARIES.has(token.lower) && tokens[next + 1]?.lower === 'not') || NEGATED_AUXILIARIES.has(token.lower)
        if (negated && next > index + 1) {
          const end = NEGATED_AUXILIARIES.has(token.lower) ? token.end : tokens[next + 1]!.end
          ;(found ??= []).push(
            finding(
              allNot,
              all.start,
              end,
              `Check the scope of the negation: \`${sentence.text.slice(all.start - sentence.start, end - sentence.start)}\` can mean "none" or "not all"`,
              'Arabic "lam … jami‘" (all did not) usually means that none did; English "all … did not" is ambiguous. Write "none of … opened" or "not all … opened".'
            )
          )
          break
        }
        if (isFiniteVerb(token, lexicon)) break
      }
    }
    return found ?? NO_FINDINGS
  }
}

const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'my', "we've", "we're", "i'm", "i've"])
const THIRD_PERSON = new Set(['would', 'he', 'she', 'they', 'his', 'her', 'their', 'its', 'it'])

const mixedSpeech: Pattern = {
  id: 'needs-human.mixed-speech',
  severity: 'warning',
  description:
    'A quotation that opens after "said that" in reported speech ("would", "he") and then switches to the speaker\'s own words ("we"): direct and indirect speech mixed.',
  check(sentence) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 0; index < tokens.length - 3; index++) {
      if (tokens[index + 1]!.lower !== 'that' || !REPORTING_VERBS.has(tokens[index]!.lower) || !OPENING_QUOTES.has(tokens[index + 2]!.text)) continue
      let third = false
      for (let next = index + 3; next < tokens.length; next++) {
        const token = tokens[next]!
        if (CLOSING_QUOTES.has(token.text) && token.text !== '"') break
        if (THIRD_PERSON.has(token.lower)) third = true
        else if (third && FIRST_PERSON.has(token.lower)) {
          ;(found ??= []).push(
            finding(
              mixedSpeech,
              tokens[index]!.start,
              sentenceEnd(sentence),
              `Check the quotation: it opens in reported speech after \`${tokens[index]!.text} that\` and switches to the speaker's own \`${token.text}\``,
              'A quotation after "said that" either quotes the speaker\'s words (then no "that", first person throughout) or reports them (then no quotation marks); a human must decide what was said.'
            )
          )
          break
        }
      }
    }
    return found ?? NO_FINDINGS
  }
}

const PERCENT = /(?:(fewer|less|more|lower|higher|greater)\s+than|(under|below|over|above|nearly|almost|about|around|some))?\s*(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/giu
const COMPARISON = /\b(lower|higher|less|more|fewer|smaller|larger|greater|bigger)\s+than\b/iu

/** Percent figures in `text`, with what their qualifier says of the true value. */
function percents(text: string): Array<{value: number; bound: 'below' | 'above' | 'exact'; index: number}> {
  const figures: Array<{value: number; bound: 'below' | 'above' | 'exact'; index: number}> = []
  for (const match of text.matchAll(PERCENT)) {
    const qualifier = (match[1] ?? match[2] ?? '').toLowerCase()
    const bound = /^(?:fewer|less|lower|under|below|nearly|almost)$/.test(qualifier) ? 'below' : /^(?:more|higher|greater|over|above)$/.test(qualifier) ? 'above' : 'exact'
    figures.push({value: Number(match[3]), bound, index: match.index})
  }
  return figures
}

const invertedComparison: Pattern = {
  id: 'needs-human.inverted-comparison',
  severity: 'warning',
  description:
    'A sentence that calls a figure lower (or higher) than another when the figures say the opposite ("That is lower than in 2015, when under 9 percent were out of work" after "12 percent"): an inverted comparison.',
  check(sentence, context) {
    if (!/^(?:that|this|it|the figure|the rate|the turnout)\b/iu.test(sentence.text.trimStart())) return NO_FINDINGS
    const comparison = COMPARISON.exec(sentence.text)
    if (!comparison) return NO_FINDINGS
    const compared = percents(sentence.text.slice(comparison.index + comparison[0].length))[0]
    const previous = context.previous.at(-1)
    if (!compared || !previous) return NO_FINDINGS
    const reference = percents(previous.text).at(-1)
    if (!reference || reference.bound !== 'exact') return NO_FINDINGS
    const lower = /^(?:lower|less|fewer|smaller)$/i.test(comparison[1]!)
    const contradicts = lower
      ? (compared.bound === 'below' && reference.value >= compared.value) || (compared.bound === 'exact' && reference.value > compared.value)
      : (compared.bound === 'above' && reference.value <= compared.value) || (compared.bound === 'exact' && reference.value < compared.value)
    if (!contradicts) return NO_FINDINGS
    return [
      finding(
        invertedComparison,
        sentence.start,
        sentenceEnd(sentence),
        `Check the comparison: \`${comparison[0]}\` contradicts the figures (${reference.value} percent before, ${compared.bound === 'exact' ? '' : `${compared.bound} `}${compared.value} percent here)`,
        'The figure in the previous sentence and the one compared here say the opposite of the comparative; one of the figures or the word is wrong, and only the source can tell which.'
      )
    ]
  }
}

const ADVERBIAL_STARTS = new Set(['since', 'during', 'throughout', 'over', 'in'])
const QUANTITY_HEADS = new Set(['tens', 'hundreds', 'thousands', 'dozens', 'millions', 'scores'])

const objectAfterAdverbial: Pattern = {
  id: 'needs-human.object-after-adverbial',
  severity: 'info',
  description:
    'A verb followed first by a time phrase and only then by its object, a quantity ("which killed since the war began thousands of people"): Arabic order; English puts the object right after the verb.',
  check(sentence, context) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    for (let index = 1; index < tokens.length - 4; index++) {
      const verb = tokens[index]!
      if (!isLowerWord(verb) || !ADVERBIAL_STARTS.has(tokens[index + 1]!.lower)) continue
      const lexicon = context.lexicon()
      if (!isPast(lexicon, verb.lower)) continue
      const end = clauseEnd(tokens, index + 2)
      for (let at = index + 3; at < end - 1; at++) {
        const token = tokens[at]!
        const before = tokens[at - 1]!
        const quantity =
          (QUANTITY_HEADS.has(token.lower) && tokens[at + 1]?.lower === 'of') ||
          ((token.lower === 'more' || token.lower === 'fewer') && tokens[at + 1]?.lower === 'than' && tokens[at + 2]?.kind === 'number')
        if (!quantity) continue
        // "rose in 2015 by more than 10 percent": the quantity belongs to a preposition, not to the verb.
        if (PREPOSITIONS.has(before.lower) || before.lower === 'than' || before.lower === 'and' || before.lower === 'or') break
        ;(found ??= []).push(
          finding(
            objectAfterAdverbial,
            verb.start,
            clauseEndOffset(sentence, at),
            `Check word order: \`${verb.text}\` is separated from its object \`${token.text} ${tokens[at + 1]!.text}…\` by a time phrase`,
            'Arabic puts the time phrase between the verb and its object; English says "which has killed thousands of people since the war began".'
          )
        )
        index = at // one message per object, not one per verb before it
        break
      }
    }
    return found ?? NO_FINDINGS
  }
}

const MEMBERS = new Set(['representatives', 'members', 'deputies', 'lawmakers', 'legislators', 'mps', 'leaders', 'fighters', 'supporters', 'delegates', 'militants', 'elements', 'commanders', 'activists', 'senators', 'councillors', 'councilors'])
const INTRANSITIVE_ACTS = new Set(['voted', 'votes', 'vote', 'demonstrated', 'rallied', 'marched', 'abstained'])
const GROUPS = new Set(['blocs', 'bloc', 'factions', 'parties', 'groups', 'movements', 'militias', 'lists', 'coalitions', 'alliances', 'tribes', 'clans', 'unions', 'syndicates', 'currents', 'camps', 'brigades', 'battalions'])
/** Words after the group that make "voted X" English: "voted the parties into power", "out of office". */
const VOTE_RESULTS = new Set(['into', 'out', 'off', 'down', 'through', 'back'])

const droppedOf: Pattern = {
  id: 'needs-human.dropped-of',
  severity: 'warning',
  description:
    'A group of people, then an intransitive act, then the body they belong to ("Representatives voted pro-government blocs in parliament"): the "of" of an Arabic construct was dropped; a human must restore who did what.',
  check(sentence) {
    const tokens = sentence.tokens
    let found: Finding[] | undefined
    const first = DETERMINERS.has(tokens[0]?.lower ?? '') ? 1 : 0
    const subject = tokens[first]
    const verb = tokens[first + 1]
    if (!isWord(subject) || !MEMBERS.has(subject.lower) || !isWord(verb) || !INTRANSITIVE_ACTS.has(verb.lower)) return found ?? NO_FINDINGS
    // The object: determiners, adjectives and names, then a plural group noun, with no preposition before it.
    for (let at = first + 2; at <= Math.min(first + 7, tokens.length - 1); at++) {
      const token = tokens[at]!
      if (!isWord(token) || PREPOSITIONS.has(token.lower) || token.lower === 'to' || token.lower === 'for' || token.lower === 'against') break
      if (!GROUPS.has(token.lower)) continue
      if (VOTE_RESULTS.has(tokens[at + 1]?.lower ?? '')) break
      ;(found ??= []).push(
        finding(
          droppedOf,
          subject.start,
          token.end,
          `Check who did what: \`${sentence.text.slice(subject.start - sentence.start, token.end - sentence.start)}\` reads as if the ${subject.lower} acted on the ${token.lower}`,
          'Arabic "nuwwab al-kutal … sawwatu" is "the representatives of the blocs voted"; the translation dropped the "of" and made the blocs an object.'
        )
      )
      break
    }
    return found ?? NO_FINDINGS
  }
}

/** Every needs-human pattern, in reporting order. */
export const PATTERNS: readonly Pattern[] = [
  verbFirst,
  verbAfterConjunction,
  reportingThatAux,
  quoteBeforeParticiple,
  relativeResumptive,
  wedgedRelative,
  invertedThreat,
  droppedOf,
  notExcept,
  didNotReturn,
  allNot,
  mixedSpeech,
  invertedComparison,
  objectAfterAdverbial
]
