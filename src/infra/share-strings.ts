/**
 * Make equal strings in `root` one string: every string held by its plain
 * objects, arrays, sets and maps (keys and values), recursively, is replaced
 * by the first string of the same text met. Values read back with V8's
 * deserializer hold a string object per occurrence (`person` 3,300 times in
 * the gazetteer, `warning` 2,500 times in the packs): 95,000 of the startup
 * snapshot's 210,000 strings were such copies, and a snapshot costs every
 * run time per object it holds. Class instances other than those four are
 * left as they are (their state may be private). Sets and maps keep their
 * order.
 */
export function shareEqualStrings(root: unknown): void {
  const texts = new Map<string, string>()
  const seen = new WeakSet<object>()
  const share = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const known = texts.get(value)
      if (known !== undefined) return known
      texts.set(value, value)
      return value
    }
    if (typeof value === 'object' && value !== null) visit(value)
    return value
  }
  const visit = (value: object): void => {
    if (seen.has(value)) return
    seen.add(value)
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = share(value[index])
    } else if (value instanceof Set) {
      const items = [...value]
      value.clear()
      for (const item of items) value.add(share(item))
    } else if (value instanceof Map) {
      const entries = [...value]
      value.clear()
      for (const [key, item] of entries) value.set(share(key), share(item))
    } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record)) {
        // Accessors (lazily read parts) are left unread.
        const descriptor = Object.getOwnPropertyDescriptor(record, key)
        if (descriptor && 'value' in descriptor && descriptor.writable) record[key] = share(record[key])
      }
    }
  }
  share(root)
}
