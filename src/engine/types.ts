/**
 * A replacement of the input between two UTF-16 offsets.
 *
 * Offsets always point into the text the message was raised on, so a fix is
 * data that can be applied, skipped or shown without re-reading the rule.
 */
export interface Fix {
  /** Offset where the replaced range starts (inclusive). */
  start: number
  /** Offset where the replaced range ends (exclusive). */
  end: number
  /** Text to put in place of the range (empty to delete). */
  text: string
}

/** How much a message matters: `error` and `warning` fail CI, `info` never does. */
export type Severity = 'error' | 'warning' | 'info'

/** What a rule knows about one problem, before it becomes a VFile message. */
export interface Finding {
  /** Stable id of the rule or pack entry, such as `calques.video-circle`. */
  ruleId: string
  /** Plain-words explanation shown to the editor. */
  reason: string
  /** Start offset of the problem in the input. */
  start: number
  /** End offset of the problem in the input. */
  end: number
  /** The text found (defaults to the input between `start` and `end`). */
  actual?: string
  /** Replacements, best first, when they are known. */
  expected?: string[]
  /** A replacement certain enough to apply automatically. */
  fix?: Fix
  /** Defaults to `warning`. */
  severity?: Severity
  /** Longer explanation: why this is wrong. */
  note?: string
  /** Documentation link. */
  url?: string
}
