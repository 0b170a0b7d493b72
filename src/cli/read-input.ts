import {closeSync, openSync, readFileSync, readSync, statSync} from 'node:fs'
import {MAX_INPUT_BYTES, tooLargeProblem} from '../engine/limits.js'

/** An input the command cannot use; the message names the file. */
export class InputError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'InputError'
  }
}

/** An input over {@link MAX_INPUT_BYTES}: left out of a run of several files, not fatal to it. */
export class TooLargeError extends InputError {
  constructor(file: string, problem: string) {
    super(file, problem)
    this.name = 'TooLargeError'
  }
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Decode bytes as UTF-8 text, keeping a byte order mark as it is (it is
 * written back unchanged). Binary data and invalid UTF-8 are refused.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InputError(name, 'looks like a binary file (it contains NUL bytes), not text')
  try {
    return decoder.decode(bytes)
  } catch {
    throw new InputError(name, 'is not valid UTF-8 text')
  }
}

/** Read a text file, or throw an {@link InputError} that says what is wrong. */
export function readTextFile(path: string): string {
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`)
  }
  if (stats.isDirectory()) throw new InputError(path, 'is a directory, not a text file')
  if (stats.isFile() && stats.size > MAX_INPUT_BYTES) throw new TooLargeError(path, tooLargeProblem(stats.size))
  let bytes: Buffer
  try {
    // A device or pipe (/dev/zero) has no size to check: read at most one byte past the limit.
    bytes = stats.isFile() ? readFileSync(path) : readCapped(path)
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(path, code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? String(error)})`)
  }
  return decodeText(bytes, path)
}

/** The bytes of a file that is not a regular file, refused past {@link MAX_INPUT_BYTES}. */
function readCapped(path: string): Buffer {
  const descriptor = openSync(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(1 << 20)
      const read = readSync(descriptor, chunk, 0, chunk.length, null)
      if (read === 0) break
      chunks.push(chunk.subarray(0, read))
      total += read
      if (total > MAX_INPUT_BYTES) throw new TooLargeError(path, tooLargeProblem(total, true))
    }
    return Buffer.concat(chunks)
  } finally {
    closeSync(descriptor)
  }
}

/** Read all of standard input as text (refused past {@link MAX_INPUT_BYTES}). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    total += (chunk as Buffer).length
    if (total > MAX_INPUT_BYTES) throw new TooLargeError('<stdin>', tooLargeProblem(total, true))
  }
  return decodeText(Buffer.concat(chunks), '<stdin>')
}
