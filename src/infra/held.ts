import type {WordSet} from './word-set.js'

/**
 * A large read-only string or byte array that lives as long as the process
 * (a sorted word list, a pack's stored branches): the startup snapshot may
 * keep it in a file instead of its heap (see `snapshot-files.ts`).
 */
export class Held<T extends string | Uint8Array> {
  #value: T | undefined
  #load: (() => T) | undefined
  #loadBytes: ((start: number, end: number) => Uint8Array) | undefined

  constructor(value: T) {
    this.#value = value
    holdForSnapshot(this)
  }

  get value(): T {
    if (this.#load) {
      this.#value = this.#load()
      this.#load = undefined
      this.#loadBytes = undefined
    }
    return this.#value!
  }

  /**
   * Bytes `start` to `end` of a byte array: read alone while the value is
   * kept apart (a pack's stored branches are megabytes, of which an article
   * reads a few branches), else a view of the value.
   */
  bytes(this: Held<Uint8Array>, start: number, end: number): Uint8Array {
    return this.#loadBytes ? this.#loadBytes(start, end) : this.value.subarray(start, end)
  }

  /** Keep only a way to read the value back when it is next asked for (and, for bytes, a way to read some of them). */
  storeApart(load: () => T, loadBytes?: (start: number, end: number) => Uint8Array): void {
    this.#load = load
    this.#loadBytes = loadBytes
    this.#value = undefined
  }
}

/** What the startup snapshot may keep in a file. */
export type Movable = WordSet | Held<string | Uint8Array>

let holding = false
const held = new Set<Movable>()

/**
 * From now on, remember what {@link holdForSnapshot} is given: called first
 * while the startup snapshot is built, never in an ordinary run (a long-lived
 * process that reloads packs would otherwise keep every old rule set).
 */
export function holdWhileBuildingSnapshot(): void {
  holding = true
}

/** Whether the startup snapshot is being built (see {@link holdWhileBuildingSnapshot}). */
export function buildingSnapshot(): boolean {
  return holding
}

/**
 * Mark `value` as data of the whole process: while the startup snapshot is
 * built, it may be moved out of the heap. Returns the value.
 */
export function holdForSnapshot<T extends Movable>(value: T): T {
  if (holding) held.add(value)
  return value
}

/** Everything {@link holdForSnapshot} was given while {@link holdWhileBuildingSnapshot} was on. */
export function heldForSnapshot(): Movable[] {
  return [...held]
}
