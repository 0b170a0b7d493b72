import {plainSpeller} from './speller.js'

export {parseWordList} from './speller.js'

/**
 * Whether the dictionary (with postedit's extra vocabulary, no pack or user
 * words) knows `word` as written or in lower case. For rules other than
 * spelling, which need one answer the same in every processor.
 */
export function isKnownWord(word: string): boolean {
  const speller = plainSpeller()
  return speller.inDictionary(word) || speller.inDictionary(word.toLowerCase())
}

/** A word the dictionary knows only capitalised (`Assad`, not `Anal`). */
export function isProperNoun(word: string): boolean {
  return plainSpeller().isProperNoun(word)
}
