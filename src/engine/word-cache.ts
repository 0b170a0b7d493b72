/** Distinct words a cache holds before it starts again: bounds memory on huge inputs. */
const MAX_CACHED = 200_000

/**
 * `compute`, cached per word type. Rules ask the same question of the same
 * word in every article; the answer depends on the word alone.
 */
export function perWordType<T>(compute: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>()
  return (word) => {
    let value = cache.get(word)
    if (value === undefined && !cache.has(word)) {
      if (cache.size >= MAX_CACHED) cache.clear()
      value = compute(word)
      cache.set(word, value)
    }
    return value as T
  }
}
