import {closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

/**
 * Replace `path` with `text` so that the file is, at every moment, either
 * the old or the new version: write a temporary file beside it, flush it,
 * then rename it over the original. Permissions are kept.
 */
export function writeFileAtomic(path: string, text: string): void {
  const {mode} = statSync(path)
  // Root may write anything; a file nobody may write is still not ours to replace.
  if ((mode & 0o222) === 0) throw new Error(`${path}: is read-only; not rewritten`)
  const temporary = join(dirname(path), `.${basename(path)}.postedit-${process.pid}-${Date.now()}.tmp`)
  let descriptor: number | undefined
  try {
    descriptor = openSync(temporary, 'wx', mode & 0o7777)
    writeSync(descriptor, text)
    fsyncSync(descriptor)
    closeSync(descriptor)
    descriptor = undefined
    chmodSync(temporary, mode & 0o7777)
    renameSync(temporary, path)
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor)
    try {
      unlinkSync(temporary)
    } catch {
      // Nothing was created, or it is already gone.
    }
    throw error
  }
}
