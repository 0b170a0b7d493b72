import {closeSync, openSync, readFileSync, readSync, statSync} from 'node:fs'
import {MAX_INPUT_BYTES, tooLargeProblem} from '../engine/limits.js'

/** An input the command cannot use; the message names the file. */
export class InputError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'InputError'
  }
}

/** How a file's bytes are text: fixed files are written back the same way. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/** Text read from a file, with the encoding to write it back in. */
export interface DecodedText {
  text: string
  encoding: TextEncoding
}

/** An input over {@link MAX_INPUT_BYTES}: left out of a run of several files, not fatal to it. */
export class TooLargeError extends InputError {
  constructor(file: string, problem: string) {
    super(file, problem)
    this.name = 'TooLargeError'
  }
}

/**
 * Decode bytes as text, keeping a byte order mark as it is (it is written
 * back unchanged). UTF-16 is recognised by its byte order mark; otherwise the
 * text must be UTF-8. Binary data and invalid text are refused.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  const encoding: TextEncoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  if (encoding === 'utf-8' && bytes.includes(0)) throw new InputError(name, 'looks like a binary file (it contains NUL bytes), not text')
  let text: string
  try {
    text = new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new InputError(name, `is not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()} text`)
  }
  // UTF-16 text holds no NUL characters either; binary data with a lucky first two bytes does.
  if (encoding !== 'utf-8' && text.includes('\0')) throw new InputError(name, 'looks like a binary file (it contains NUL characters), not text')
  return {text, encoding}
}

/** The bytes of `text` in `encoding` (the byte order mark, if any, is part of the text). */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8')
  const bytes = Buffer.from(text, 'utf16le')
  return encoding === 'utf-16le' ? bytes : bytes.swap16()
}

/** Read a text file, or throw an {@link InputError} that says what is wrong. */
export function readTextFile(path: string): DecodedText {
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
export async function readStdin(): Promise<DecodedText> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    total += (chunk as Buffer).length
    if (total > MAX_INPUT_BYTES) throw new TooLargeError('<stdin>', tooLargeProblem(total, true))
  }
  return decodeText(Buffer.concat(chunks), '<stdin>')
}
