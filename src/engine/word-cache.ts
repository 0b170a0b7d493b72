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

/**
 * `compute(owner, input)` cached per owner (a gazetteer, a rule set) and per
 * the word or run of words `keyOf(input)` names, the input's answer
 * depending on that text alone: a per-word-type cache for each owner,
 * dropped with it.
 */
export function perOwnerAndWordType<O extends object, I, T>(keyOf: (input: I) => string, compute: (owner: O, input: I) => T): (owner: O) => (input: I) => T {
  const cached = new WeakMap<O, (input: I) => T>()
  return (owner) => {
    let answer = cached.get(owner)
    if (!answer) {
      const cache = new Map<string, T | typeof NOTHING>()
      answer = (input) => {
        const key = keyOf(input)
        let value = cache.get(key)
        if (value === undefined) {
          if (cache.size >= MAX_CACHED) cache.clear()
          const computed = compute(owner, input)
          value = computed === undefined ? NOTHING : computed
          cache.set(key, value)
        }
        return (value === NOTHING ? undefined : value) as T
      }
      cached.set(owner, answer)
    }
    return answer
  }
}
