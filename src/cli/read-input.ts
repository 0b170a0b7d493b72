import {readFileSync, statSync} from 'node:fs'

/** An input the command cannot use; the message names the file. */
export class InputError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'InputError'
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
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(path, code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? String(error)})`)
  }
  return decodeText(bytes, path)
}

/** Read all of standard input as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return decodeText(Buffer.concat(chunks), '<stdin>')
}
