import {closeSync, openSync, readSync, writeFileSync} from 'node:fs'
import {heldForSnapshot, type Held} from './held.js'
import {WordSet, type WordSetData} from './word-set.js'

/**
 * Write the data of everything marked with `holdForSnapshot` (held.ts) to
 * `file`, and leave each a way to read its part back when it is first used.
 * For the startup snapshot, which every run deserialises, and which Node
 * keeps in memory beside the heap it made: a megabyte there costs about 3 ms
 * and twice its size in memory on every run; read from a file, a part costs
 * one read and its size once, and only in runs that use it.
 */
export function moveHeldDataTo(file: string): void {
  const parts: Buffer[] = []
  const moves: Array<() => void> = []
  let offset = 0
  for (const value of heldForSnapshot()) {
    let bytes: Buffer
    if (value instanceof WordSet) {
      const {text, starts, slots} = value.data()
      const encoding = encodingOf(text)
      // The arrays first, so they start at a multiple of 4 in the part.
      bytes = Buffer.concat([Buffer.from(starts.buffer, starts.byteOffset, starts.byteLength), Buffer.from(slots.buffer, slots.byteOffset, slots.byteLength), Buffer.from(text, encoding)])
      moves.push(wordSetApart(value, file, {at: offset, length: bytes.length, starts: starts.length, slots: slots.length, encoding}))
    } else {
      const data = value.value
      const encoding = typeof data === 'string' ? encodingOf(data) : undefined
      bytes = typeof data === 'string' ? Buffer.from(data, encoding) : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      moves.push(heldApart(value, file, {at: offset, length: bytes.length, starts: 0, slots: 0, encoding}))
    }
    // Each part starts at a multiple of 4 in the file.
    const padding = (4 - (bytes.length % 4)) % 4
    parts.push(bytes, Buffer.alloc(padding))
    offset += bytes.length + padding
  }
  writeFileSync(file, Buffer.concat(parts))
  for (const move of moves) move()
}

/** One byte a character where the text allows it: the string read back is then stored so too. */
const encodingOf = (text: string): BufferEncoding => (/[^\u0000-\u00FF]/.test(text) ? 'utf16le' : 'latin1')

/** Where a value's data is in the file: its place, its arrays' lengths (a word set's), its text's encoding (a string's). */
interface Part {
  at: number
  length: number
  starts: number
  slots: number
  encoding: BufferEncoding | undefined
}

// Functions of their own, so each closure holds the part's place and nothing of the data.
const wordSetApart = (set: WordSet, file: string, part: Part) => () => set.storeApart(() => wordSetData(readPart(file, part), part))
const heldApart = (held: Held<string | Uint8Array>, file: string, part: Part) => () =>
  held.storeApart(
    () => {
      const bytes = readPart(file, part)
      return part.encoding ? bytes.toString(part.encoding) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    },
    part.encoding
      ? undefined
      : (start, end) => {
          const bytes = readPart(file, {...part, at: part.at + start, length: end - start})
          return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
        }
  )

/** The bytes of one part of the file {@link moveHeldDataTo} wrote, in a buffer of their own (aligned, keeping nothing else alive). */
function readPart(file: string, {at, length}: Part): Buffer {
  const bytes = Buffer.allocUnsafeSlow(length)
  const descriptor = openSync(file, 'r')
  let read: number
  try {
    read = readSync(descriptor, bytes, 0, length, at)
  } finally {
    closeSync(descriptor)
  }
  // A file cut short (another build writing it) must not pass for data.
  if (read !== length) throw new Error(`${file} is not the one the startup snapshot was built with: run \`npm run build\` again, or set POSTEDIT_SNAPSHOT=0`)
  return bytes
}

function wordSetData(bytes: Buffer, {starts, slots, encoding}: Part): WordSetData {
  const slotsAt = starts * 4
  const textAt = slotsAt + slots * 4
  return {
    starts: new Uint32Array(bytes.buffer, bytes.byteOffset, starts),
    slots: new Uint32Array(bytes.buffer, bytes.byteOffset + slotsAt, slots),
    text: bytes.toString(encoding, textAt)
  }
}
