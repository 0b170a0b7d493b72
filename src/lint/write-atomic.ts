import {chmodSync, chownSync, closeSync, fsyncSync, ftruncateSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

/** Temporary files being written now: removed when the process is stopped by a signal. */
const pending = new Set<string>()

let handlersInstalled = false

/**
 * On SIGINT, SIGTERM or SIGHUP, remove the temporary files being written
 * (none is ever left beside an article), then exit as the signal would have.
 * Writes are synchronous, so a handler runs only between two files; the set is
 * normally empty, and the handler still cleans up should that change.
 */
export function removeTemporaryFilesOnSignals(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  const codes = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal as NodeJS.Signals, () => {
      for (const file of pending) {
        try {
          unlinkSync(file)
        } catch {
          // Already renamed or removed.
        }
      }
      pending.clear()
      process.stderr.write(`\npostedit: stopped by ${signal}; every file is either fixed or as it was\n`)
      process.exit(code)
    })
  }
}

/** Write all of `bytes` to an open file. */
function writeAll(descriptor: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written, bytes.length - written)
}

/** How {@link writeFileAtomic} replaced a file. */
export type WriteMethod = 'renamed' | 'in-place'

/**
 * Replace the contents of `path` with `bytes`, keeping what makes the file
 * what it is:
 *
 * - a symbolic link is followed: its target is fixed and the link stays a link;
 * - permissions are kept, and so is the owner (the new file is given the old
 *   owner; when that is not allowed, the file is rewritten in place instead);
 * - a file with several hard links is rewritten in place, so every name still
 *   shows the same file.
 *
 * Normally the new text goes to a temporary file beside the original, which is
 * flushed and renamed over it: at every moment the file is either the old or the
 * new version. Rewriting in place cannot promise that, so the new text is first
 * saved beside the file (`.NAME.postedit-….tmp`) and removed only once the
 * file itself is written and flushed: a crash midway leaves the full new text
 * there to recover.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): WriteMethod {
  const target = realpathSync(path)
  const stats = statSync(target)
  const mode = stats.mode & 0o7777
  // Root may write anything; a file nobody may write is still not ours to replace.
  if ((mode & 0o222) === 0) throw new Error(`${path}: is read-only; not rewritten`)
  const temporary = join(dirname(target), `.${basename(target)}.postedit-${process.pid}-${Date.now()}.tmp`)
  pending.add(temporary)
  let descriptor: number | undefined
  let keepTemporary = false
  try {
    descriptor = openSync(temporary, 'wx', mode)
    writeAll(descriptor, bytes)
    fsyncSync(descriptor)
    closeSync(descriptor)
    descriptor = undefined
    chmodSync(temporary, mode)
    let sameOwner = true
    const uid = typeof process.getuid === 'function' ? process.getuid() : stats.uid
    if (stats.uid !== uid || (typeof process.getgid === 'function' && stats.gid !== process.getgid())) {
      try {
        chownSync(temporary, stats.uid, stats.gid)
        // chown may clear set-id bits; put the mode back.
        chmodSync(temporary, mode)
      } catch {
        sameOwner = false
      }
    }
    if (stats.nlink <= 1 && sameOwner) {
      renameSync(temporary, target)
      return 'renamed'
    }
    // In place: the inode (hard links, owner) stays; the temporary copy is the safety net.
    descriptor = openSync(target, 'r+')
    keepTemporary = true
    writeAll(descriptor, bytes)
    ftruncateSync(descriptor, bytes.length)
    fsyncSync(descriptor)
    closeSync(descriptor)
    descriptor = undefined
    keepTemporary = false
    unlinkSync(temporary)
    return 'in-place'
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor)
    if (!keepTemporary) {
      try {
        unlinkSync(temporary)
      } catch {
        // Nothing was created, or it is already gone.
      }
    }
    throw error
  } finally {
    pending.delete(temporary)
  }
}
