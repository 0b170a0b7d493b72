import {foreignRuns, insideRuns, isMostlyForeign, type ScriptRun} from './scripts.js'

/** What the typography checks share about one text, computed once. */
export interface TypographyContext {
  /** The text checked. */
  source: string
  /** Runs of non-Latin script (see `foreignRuns`). */
  runs: ScriptRun[]
  /** Whether an offset lies inside a non-Latin run. */
  inForeign: (offset: number) => boolean
  /** Whether the text as a whole is not in Latin script. */
  mostlyForeign: boolean
}

/** Build the shared context of `source`. */
export function typographyContext(source: string): TypographyContext {
  const runs = foreignRuns(source)
  return {source, runs, inForeign: insideRuns(runs), mostlyForeign: isMostlyForeign(source, runs)}
}

/** A character as a reason shows it: the character itself, or its code point when it is invisible. */
export function show(text: string): string {
  return text.replace(/[\u00A0\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u0640]/g, (char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
}

/** Whether `char` is a line break or absent (start or end of the text). */
export function isLineEdge(char: string | undefined): boolean {
  return char === undefined || char === '\n' || char === '\r'
}
