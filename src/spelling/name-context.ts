import {wordTable} from '../infra/vocabulary.js'
import {loadGazetteer, type Entity} from '../names/gazetteer.js'

/**
 * Words that put an article in a country: its name, demonym and capital.
 * A gazetteer name offered for an unknown name must fit the article: a
 * Moroccan place is not a garble of an Iraqi town one vowel away.
 */
let countryWords: Readonly<Record<string, readonly string[]>> | undefined
/** Read on first use (the browser installs its data after the modules load). */
const countryWordsOf = (country: string) => (countryWords ??= wordTable('article-country-words'))[country]

const byWord = new Map<string, Map<string, Entity[]>>()

/** Gazetteer entities by each word of their names, per gazetteer list (built once). */
function entitiesByWord(specs: readonly string[] | undefined): Map<string, Entity[]> {
  const id = JSON.stringify(specs ?? ['default'])
  let index = byWord.get(id)
  if (!index) {
    index = new Map()
    for (const entity of loadGazetteer(specs).entities) {
      for (const form of [entity.name, ...entity.short]) {
        for (const word of form.split(/[\s\-\u2010\u2011]+/u)) {
          const list = index.get(word)
          if (list) list.push(entity)
          else index.set(word, [entity])
        }
      }
    }
    byWord.set(id, index)
  }
  return index
}

/**
 * Whether `word`, offered as the right spelling of an unknown name, fits an
 * article whose text is `source`: a word of no gazetteer entity (a pack's
 * term) and a person's name always fit; a place's or group's name fits
 * when the article names the entity's country, one of its context words, or another word of its name.
 */
export function fitsArticle(word: string, source: string, specs: readonly string[] | undefined): boolean {
  const entities = entitiesByWord(specs).get(word)
  if (!entities) return true
  const mentions = (text: string) => text.length > 1 && new RegExp(`(?<![\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(source)
  return entities.some((entity) => {
    // People travel and are quoted anywhere; a place or group belongs to its country.
    if (!entity.country || entity.kind === 'person') return true
    if ((countryWordsOf(entity.country) ?? []).some(mentions)) return true
    if (entity.context.some(mentions)) return true
    return [entity.name, ...entity.short].flatMap((form) => form.split(/[\s\-\u2010\u2011]+/u)).some((other) => other !== word && other.length > 3 && /^\p{Lu}/u.test(other) && mentions(other))
  })
}
