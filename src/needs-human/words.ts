/**
 * Closed word classes the needs-human patterns read. Hand-made lists, not
 * lexicon lookups: these words are few, and corpus lexicons tag them
 * loosely ("the" as a verb, "that" as nine things).
 */

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean))

/** Words that open a noun phrase: articles, demonstratives, possessives, quantifiers. */
export const DETERMINERS = set(`the a an this these those its his her their our my your
  some any no every each several many much most more few both another other such`)

/** Possessive pronouns: after a verb inside an object relative clause they double the relative pronoun. */
export const POSSESSIVES = set('its his her their our my your')

/** Subject pronouns. */
export const SUBJECT_PRONOUNS = set('i you he she it we they')

/** Modal verbs. */
export const MODALS = set('will would can could shall should may might must')

/** Auxiliaries that can follow "that" when the clause has lost its subject. */
export const AUXILIARIES = set(`does do did is are was were has have had will would can could
  should may might must`)

/** Negated auxiliaries as one token. */
export const NEGATED_AUXILIARIES = set(`doesn't don't didn't isn't aren't wasn't weren't hasn't
  haven't hadn't won't wouldn't can't couldn't shouldn't cannot`)

/** Prepositions (and "to"). */
export const PREPOSITIONS = set(`about above across after against along amid among around as at
  before behind below beneath beside between beyond by despite down during except for from in
  inside into like near of off on onto out outside over past since through throughout till to
  toward towards under underneath until unlike up upon via with within without`)

/**
 * Conjunctions that open a finite clause, so a subject must come next; not
 * those that are also prepositions ("before gathered reporters").
 */
export const SUBORDINATORS = set('while whereas when because although though unless whereby')

/** Verbs that report speech or belief. */
export const REPORTING_VERBS = set(`said says say added adds announced announces stated states
  confirmed confirms explained explains noted notes stressed stresses emphasized emphasised
  affirmed affirms asserted asserts claimed claims indicated indicates revealed reveals reported
  reports denied denies believed believes considered considers expected expects predicted predicts
  warned warns mentioned mentions estimated estimates told tells argued argues insisted insists
  acknowledged acknowledges admitted admits pointed points clarified clarifies declared declares
  suggested suggests hoped hopes feared fears thought thinks knew knows agreed agrees wrote writes
  continued continues concluded concludes`)

/**
 * Past participles of verbs that take two objects or a clause: "when asked
 * the question", "Told the news, she wept" are English with the verb first.
 */
export const DITRANSITIVE_PARTICIPLES = set(`asked told given shown offered handed granted awarded
  sent promised taught charged denied allowed paid lent left named called elected appointed
  considered deemed dubbed labelled labeled`)

/** Words after a sentence-initial participle that show it is an opener, not a finite verb. */
export const PARTICIPLE_LINKS = set('by with in on at from to into as for under after before during against amid among without')

/** Words that mean inability: "threatens X's inability" inverts the logic. */
export const INABILITY = set('inability incapacity impossibility failure')

/** Numbers written as words, and quantity heads ("dozens of"). */
export const QUANTITIES = set(`one two three four five six seven eight nine ten eleven twelve
  twenty thirty forty fifty hundred hundreds thousand thousands million millions billion
  billions dozens tens scores`)

/**
 * Function words a corpus lexicon also tags as verbs ("in" and "at" as VBD,
 * "as" as VBZ): never the verb of a verb-first clause.
 */
export const FUNCTION_WORDS = set(`in at as on of for to by with from into about after before since
  until while when where if then there here so and but or nor yet also however the a an this that
  these those it its he she they we you i his her their our my your no not all some any each every
  both either neither one many much more most such what which who whom whose why how than despite
  during amid among under over through across against without within upon via per like unlike`)
