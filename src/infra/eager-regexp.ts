/**
 * V8 runs a regular expression first from bytecode and compiles it to
 * machine code only once it is used again. For the packs' boilerplate
 * patterns (thousands of characters: every outlet's name, in several slots)
 * building that bytecode costs four to five times the machine code, and it
 * is paid on every run (neither the cache nor the startup snapshot keeps
 * compiled patterns). V8 skips the bytecode for a subject of 1,000
 * characters or more, so a pattern is first tried, once per process, on a
 * blank line that long: its result is ignored, and patterns without the
 * global or sticky flag keep no state from it.
 */
const LONG_BLANK = ' '.repeat(1000)

const compiled = new WeakSet<RegExp>()

let enabled = true

/**
 * Turn the eager compilation off or on: a V8 startup snapshot cannot hold a
 * pattern's machine code, so the snapshot's warm-up run turns it off.
 */
export function compileEagerly(on: boolean): void {
  enabled = on
}

/** `pattern`, tried once on a long blank subject so V8 compiles it straight to machine code. */
export function eager(pattern: RegExp): RegExp {
  if (enabled && !compiled.has(pattern)) {
    compiled.add(pattern)
    if (!pattern.global && !pattern.sticky) pattern.test(LONG_BLANK)
  }
  return pattern
}
