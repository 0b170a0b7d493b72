/**
 * The one id-prefix matcher: rule ids are dotted (`calques.video-circle`),
 * and a setting or a `--disable` may name a rule, a pack or a family by any
 * prefix of it up to a dot (`calques`).
 */

/** Whether `prefix` is `id` or names it up to a dot (`calques` of `calques.video-circle`). */
export function idHasPrefix(id: string, prefix: string): boolean {
  return id === prefix || (id.length > prefix.length && id.startsWith(prefix) && id[prefix.length] === '.')
}

/** `id` and each of its prefixes up to a dot, closest first: `a.b.c`, `a.b`, `a`. */
export function idAndPrefixes(id: string): string[] {
  const all = [id]
  for (let dot = id.lastIndexOf('.'); dot > 0; dot = id.lastIndexOf('.', dot - 1)) all.push(id.slice(0, dot))
  return all
}

/** Decides whether a rule id is turned off. */
export type IsOff = (id: string) => boolean

/**
 * A test for turned-off rules: an id is off when it, or any prefix of it up
 * to a dot (`calques` for `calques.video-circle`), is listed.
 */
export function isOffFor(disable: readonly string[] | undefined): IsOff {
  if (!disable || disable.length === 0) return () => false
  const off = new Set(disable)
  return (id) => idAndPrefixes(id).some((name) => off.has(name))
}

/** Whether `name` names a rule, a pack or a family among `ids`. */
export function namesAnyId(name: string, ids: Iterable<string>): boolean {
  for (const id of ids) if (idHasPrefix(id, name)) return true
  return false
}
