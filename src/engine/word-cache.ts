/** Distinct words a cache holds before it starts again: bounds memory on huge inputs. */
const MAX_CACHED = 200_000

/** Stands for a computed `undefined` in a cache, so a hit is one lookup whatever the value. */
const NOTHING: unique symbol = Symbol('nothing')

/**
 * `compute`, cached per word type. Rules ask the same question of the same
 * word in every article; the answer depends on the word alone.
 */
export function perWordType<T>(compute: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T | typeof NOTHING>()
  return (word) => {
    let value = cache.get(word)
    if (value === undefined) {
      if (cache.size >= MAX_CACHED) cache.clear()
      const computed = compute(word)
      value = computed === undefined ? NOTHING : computed
      cache.set(word, value)
    }
    return (value === NOTHING ? undefined : value) as T
  }
}
