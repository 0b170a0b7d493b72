import {idAndPrefixes, idHasPrefix} from '../infra/rule-ids.js'
import {offsetsOf, type PosteditMessage} from './report.js'
import type {Severity} from './types.js'

/** A severity set by configuration, or `off`. */
export type RuleSetting = Severity | 'off'

/** The setting for `id`: its own, else that of its closest prefix (`calques` for `calques.file`). */
export function settingFor(id: string, settings: Readonly<Record<string, RuleSetting>>): RuleSetting | undefined {
  for (const key of idAndPrefixes(id)) if (Object.hasOwn(settings, key) && settings[key]) return settings[key]
  return undefined
}

/**
 * The ids configured `off` that can be left out of the run altogether (a
 * rule set to `off` is not run, as with `disable`): each one unless a more
 * specific setting below it turns part of it back on (`calques: off` with
 * `calques.file: warning`), in which case the family runs and
 * {@link applySeverities} drops the rest.
 */
export function offRules(settings: Readonly<Record<string, RuleSetting>> | undefined): string[] {
  if (!settings) return []
  const ids = Object.keys(settings)
  return ids.filter((id) => settings[id] === 'off' && !ids.some((other) => other !== id && settings[other] !== 'off' && idHasPrefix(other, id)))
}

/** Give messages the severity configured for their rule; drop those turned off. */
export function applySeverities(messages: PosteditMessage[], settings: Readonly<Record<string, RuleSetting>> | undefined): PosteditMessage[] {
  if (!settings || Object.keys(settings).length === 0) return messages
  return messages.filter((message) => {
    const setting = settingFor(String(message.ruleId), settings)
    if (setting === 'off') return false
    if (setting) {
      message.severity = setting
      message.fatal = setting === 'error' ? true : setting === 'warning' ? false : undefined
    }
    return true
  })
}

const offsets = offsetsOf

/**
 * Drop messages that fall inside an accepted phrase (a newsroom's own term
 * that a rule would otherwise flag). Phrases match case-insensitively.
 */
export function applyAcceptedPhrases(messages: PosteditMessage[], source: string, phrases: readonly string[] | undefined): PosteditMessage[] {
  if (!phrases || phrases.length === 0) return messages
  const lower = source.toLowerCase()
  const spans: Array<[number, number]> = []
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase()
    if (!needle) continue
    for (let index = lower.indexOf(needle); index !== -1; index = lower.indexOf(needle, index + 1)) spans.push([index, index + needle.length])
  }
  if (spans.length === 0) return messages
  return messages.filter((message) => {
    const [start, end] = offsets(message)
    return !spans.some(([from, to]) => start >= from && end <= to)
  })
}
