import {checkFile, prepareFor, type FileJob, type FileOutcome} from './check-file.js'

/** Worker entry: packs and dictionaries load once per worker and serve every batch of files it gets. */
export default async function run(jobs: FileJob[]): Promise<FileOutcome[]> {
  await prepareFor(jobs)
  return jobs.map(checkFile)
}
