import {checkFile, prepareFor, type FileJob, type FileOutcome} from './check-file.js'

/** Worker entry: packs and dictionaries load once per worker and serve every file it gets. */
export default async function run(job: FileJob): Promise<FileOutcome> {
  await prepareFor([job])
  return checkFile(job)
}
