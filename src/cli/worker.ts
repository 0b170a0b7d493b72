import {checkFile, type FileJob, type FileOutcome} from './check-file.js'

/** Worker entry: packs and dictionaries load once per worker and serve every file it gets. */
export default function run(job: FileJob): FileOutcome {
  return checkFile(job)
}
