import {defineRule} from '../meta.js'
import type {Finding} from '../../engine/types.js'
import type {TypographyContext} from './context.js'
import type {ScriptRun} from './scripts.js'
import {scaleWordSpans} from './arabic-digits.js'

/** What this check reports. */
export const meta = defineRule({
  id: 'typography.foreign-script',
  description: 'Untranslated Arabic (or other non-Latin) script inside English text.',
  fixable: false,
  severity: 'info'
})

// A gloss names its language before the original: "(Arabic: …)", "(Chinese: …)".
const LABEL = /\p{Lu}\p{Ll}+:\s*$/u

/**
 * `typography.foreign-script`: a run of Arabic (or Hebrew, Cyrillic, CJK…)
 * script in English text, which a translation left untranslated. Reported
 * over the exact run, with no fix: a person must translate it. A
 * non-Latin gloss in parentheses (`(Chinese: 火眼)`) is left alone; Arabic in
 * parentheses is reported, since an Arabic source has no reason to gloss
 * itself. A text mostly in another script gets one `info` message instead.
 */
export function checkForeignScript(context: TypographyContext): Finding[] {
  const {source, runs} = context
  if (context.mostlyForeign) {
    const first = runs[0]!
    return [{
      ruleId: meta.id,
      reason: `Unexpected text in ${first.script} script, expected English: most of this text is not in Latin script, so it was not checked as English`,
      start: first.start,
      end: first.end,
      severity: 'info'
    }]
  }
  const findings: Finding[] = []
  // `٥ ألف`: the number word belongs to the number's message.
  const scales = runs.length > 0 ? scaleWordSpans(source) : []
  for (const run of runs) {
    if (isGloss(source, run) || scales.some(([start, end]) => start === run.start && end === run.end)) continue
    findings.push({
      ruleId: meta.id,
      reason: `Unexpected untranslated ${run.script} text \`${source.slice(run.start, run.end)}\`, expected English`,
      start: run.start,
      end: run.end,
      note: 'Machine translation sometimes copies names or terms it does not know in the original script; they must be translated or transliterated by hand.'
    })
  }
  return findings
}

function isGloss(source: string, run: ScriptRun): boolean {
  const lineStart = source.lastIndexOf('\n', run.start) + 1
  const before = source.slice(lineStart, run.start)
  const open = before.lastIndexOf('(')
  if (open === -1 || before.lastIndexOf(')') > open) return false
  const inner = before.slice(open + 1)
  return run.script !== 'Arabic' || LABEL.test(inner)
}
