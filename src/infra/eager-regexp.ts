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
 *
 * V8 compiles a pattern once for each way strings are stored: one byte per
 * character (Latin-1 text) or two (a text with any other character, such as
 * curly quotes, and every slice of it). The blank line is stored as the
 * subjects will be, so the compilation that is made is the one they use.
 */
const LONG_BLANK = ' '.repeat(1000)
/** The same blank stored two bytes per character: its first character is outside Latin-1. */
const LONG_WIDE_BLANK = `\u4E00${' '.repeat(999)}`

const compiled = new WeakSet<RegExp>()
const compiledWide = new WeakSet<RegExp>()

let enabled = true

/**
 * Turn the eager compilation off or on: a V8 startup snapshot cannot hold a
 * pattern's machine code, so the snapshot's warm-up run turns it off.
 */
export function compileEagerly(on: boolean): void {
  enabled = on
}

/** Whether slices of `text` are stored two bytes per character. */
export const isWide = (text: string): boolean => /[^\u0000-\u00FF]/.test(text)

/**
 * `pattern`, tried once on a long blank subject so V8 compiles it straight
 * to machine code for subjects cut from a text that {@link isWide} or not.
 */
export function eager(pattern: RegExp, wide: boolean): RegExp {
  const done = wide ? compiledWide : compiled
  if (enabled && !done.has(pattern)) {
    done.add(pattern)
    if (!pattern.global && !pattern.sticky) pattern.test(wide ? LONG_WIDE_BLANK : LONG_BLANK)
  }
  return pattern
}
