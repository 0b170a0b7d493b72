import {fileURLToPath} from 'node:url'

/** The shipped data: rule packs, gazetteers, vocabulary, schemas. */
export const RULES_DIRECTORY = fileURLToPath(new URL('../../rules/', import.meta.url))
