import {closeSync, openSync, readSync, writeFileSync} from 'node:fs'
import {heldWordSets, type WordSet, type WordSetData} from './word-set.js'

/**
 * Write the data of every set `holdForSnapshot` marked (word-set.ts) to `file`, and
 * leave each set a way to read its part back when it is first used. For the
 * startup snapshot, which every run deserialises, and which Node keeps in
 * memory beside the heap it made: a megabyte there costs about 3 ms and twice
 * its size in memory on every run; read from a file, a set costs one read
 * and its size once, and only in runs that use it.
 */
export function moveHeldWordSetsTo(file: string): void {
  const parts: Buffer[] = []
  const moves: Array<() => void> = []
  let offset = 0
  for (const set of heldWordSets()) {
    const {text, starts, slots} = set.data()
    // One byte a character where the text allows it: the string read back is then stored so too.
    const encoding: BufferEncoding = /[^\u0000-\u00FF]/.test(text) ? 'utf16le' : 'latin1'
    // The arrays first, so they start at a multiple of 4 in the part.
    const bytes = Buffer.concat([Buffer.from(starts.buffer, starts.byteOffset, starts.byteLength), Buffer.from(slots.buffer, slots.byteOffset, slots.byteLength), Buffer.from(text, encoding)])
    moves.push(apart(set, file, {at: offset, length: bytes.length, starts: starts.length, slots: slots.length, encoding}))
    // Each part starts at a multiple of 4 in the file too.
    const padding = (4 - (bytes.length % 4)) % 4
    parts.push(bytes, Buffer.alloc(padding))
    offset += bytes.length + padding
  }
  writeFileSync(file, Buffer.concat(parts))
  for (const move of moves) move()
}

/** Where a set's data is in the file, and how its text is encoded. */
interface Part {
  at: number
  length: number
  starts: number
  slots: number
  encoding: BufferEncoding
}

/** The move of `set` to its `part` of `file`, once the file is written: a function of its own, so the closure holds the part's place and nothing of the data. */
const apart = (set: WordSet, file: string, part: Part) => () => set.storeApart(() => readPart(file, part))

/** One set's data from its part of the file {@link moveHeldWordSetsTo} wrote. */
function readPart(file: string, {at, length, starts, slots, encoding}: Part): WordSetData {
  // Its own buffer, so the arrays are aligned views that keep nothing else alive.
  const bytes = Buffer.allocUnsafeSlow(length)
  const descriptor = openSync(file, 'r')
  try {
    readSync(descriptor, bytes, 0, length, at)
  } finally {
    closeSync(descriptor)
  }
  const slotsAt = starts * 4
  const textAt = slotsAt + slots * 4
  return {
    starts: new Uint32Array(bytes.buffer, bytes.byteOffset, starts),
    slots: new Uint32Array(bytes.buffer, bytes.byteOffset + slotsAt, slots),
    text: bytes.toString(encoding, textAt)
  }
}
