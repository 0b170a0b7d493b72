/**
 * postedit in the browser: the library's checking and fixing, with the
 * shipped data (packs, gazetteer, vocabulary, Hunspell dictionaries) loaded
 * once from the prebuilt `data.json` beside the bundle instead of from files.
 * `scripts/build-browser.mjs` bundles this module as `dist/browser/postedit.js`.
 *
 * ```js
 * import {loadData, postedit} from './postedit.js'
 * await loadData()                                  // data.json beside the bundle
 * const result = await postedit(text, {fix: true})
 * ```
 */
import {installBundledData, type BundledData} from './infra/bundled-data.js'

export {postedit, posteditSync, MAX_PASSES, type Options, type PosteditResult} from './postedit.js'
export {applyFixes, type FixOutcome} from './engine/fix.js'
export {SOURCE, type PosteditMessage} from './engine/report.js'
export type {Finding, Fix, Severity} from './engine/types.js'
export {errorClassOf, qualityScore, type ErrorClass, type QualityScore} from './engine/quality-score.js'
export {installBundledData, BUNDLED_DATA_FORMAT, type BundledData} from './infra/bundled-data.js'

let loading: Promise<void> | undefined

/**
 * Fetch postedit's data file (default: `data.json` beside this module) and
 * install it, once per page: later calls return the same promise. Call it
 * before the first check.
 */
export function loadData(url: string | URL = new URL('./data.json', import.meta.url)): Promise<void> {
  loading ??= (async () => {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`postedit: cannot load its data from ${String(url)} (HTTP ${response.status})`)
    installBundledData((await response.json()) as BundledData)
  })()
  return loading
}
