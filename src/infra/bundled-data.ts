/**
 * postedit's shipped data (default packs, gazetteer, vocabulary, Hunspell
 * dictionaries, word lists) prebuilt into one JSON value, for runtimes
 * without a file system: the browser bundle installs it once, and every
 * loader takes its data from here instead of reading files. In Node nothing
 * is installed, so every loader reads files and the disk cache as it always
 * did. `scripts/build-browser.mjs` writes it as `dist/browser/data.json`,
 * from the same loaders, so the browser sees exactly what Node sees.
 */
// Packs and gazetteer files are typed where they are read (packs/, names/):
// this module sits below both, so it names only their shape's `file`.
export interface BundledData {
  /** Shape of this value; a loader refuses any other. */
  format: typeof BUNDLED_DATA_FORMAT
  /** postedit's version that built it. */
  version: string
  /** The default packs, validated and self-tested at build time, in load order. */
  packs: Array<{file: string; data: unknown}>
  /** The default gazetteer files, validated at build time, in load order. */
  gazetteer: Array<{file: string}>
  /** Texts of shipped files by package-relative name (`rules/vocabulary/english-extra.txt`, `dictionary-en/index.dic`). */
  files: Record<string, string>
  /**
   * The shipped dictionaries' expanded forms (what nspell expands; Node keeps
   * them in its disk cache), `\n`-joined: `dictionary-en` in full (`add`), the
   * other variety as the forms to `add` to its `base` and to `remove` from it.
   * `files` holds each one's `index.aff` and `digits.dic` (its entries with a
   * digit: all nspell needs for the words with digits it is asked about).
   */
  forms: Record<string, {base?: string; add: string; remove: string}>
  /** SUBTLEXus counts, one `word<TAB>count` a line, in the package's order. */
  frequencies: string
  /** Known name forms (see `spelling/name-lists.ts`). */
  names: string[]
  /** en-lexicon's words per tag, space-joined (see `needs-human/lexicon.ts`). */
  lexicon: Record<string, string>
}

/** The {@link BundledData} shape this build reads. */
export const BUNDLED_DATA_FORMAT = 2

let installed: BundledData | undefined

/**
 * Use `data` for every shipped file from now on (once per page, before the
 * first check). Throws a `TypeError` for a value that is not bundled data of
 * this format (a data file from another postedit build).
 */
export function installBundledData(data: BundledData): void {
  if (typeof data !== 'object' || data === null || data.format !== BUNDLED_DATA_FORMAT) {
    throw new TypeError(`postedit: not a postedit data file of format ${BUNDLED_DATA_FORMAT} (rebuild it with the bundle: npm run build:browser)`)
  }
  installed = data
}

/** The installed bundled data, or `undefined` in Node (read the files). */
export function bundledData(): BundledData | undefined {
  return installed
}

/** Text of a shipped file from the bundled data, or `undefined` when there is none (Node: read the file). */
export function bundledFile(name: string): string | undefined {
  if (!installed) return undefined
  const text = installed.files[name]
  if (text === undefined) throw new Error(`postedit: \`${name}\` is missing from the bundled data (rebuild it with the bundle)`)
  return text
}

/** The error for a file-system input (a pack or gazetteer path) the bundled data cannot serve. */
export function notBundled(what: string, spec: string): Error {
  return new Error(`postedit: ${what} \`${spec}\` is not in the browser data; only \`default\` is bundled (pass compiled \`rules\` for your own packs)`)
}
