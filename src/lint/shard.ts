/** One shard of a run split across machines: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number
  count: number
}

/** Read `--shard I/N` (1 ≤ I ≤ N), or stop with a usage message. */
export function parseShard(text: string, usage: (problem: string) => never): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) usage(`--shard takes I/N with 1 ≤ I ≤ N (for example 2/4), not \`${text}\``)
  return {index, count}
}

/**
 * The files of `shard`: the list is sorted by path (code unit order, the same
 * on every machine and locale), and file number k (0-based) belongs to shard
 * k mod N + 1. Every file falls in exactly one shard and shards differ in
 * size by at most one file.
 */
export function takeShard(files: readonly string[], shard: Shard): string[] {
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return sorted.filter((_, position) => position % shard.count === shard.index - 1)
}
