/**
 * The largest input the command line reads: 64 MiB, about 10 million words.
 * postedit checks long texts in linear time (about 3–4 s a megabyte on two
 * cores), so this is not what it can do but what a person means to check at
 * once: anything larger is a dump or a device (`/dev/zero` never ends), and
 * reading it would only exhaust memory.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/**
 * The one-line problem of an input over the limit: its size, or, when
 * reading stopped at the limit (a pipe, a device), only that it is larger.
 */
export function tooLargeProblem(bytes: number, atLeast = false): string {
  const size = atLeast ? `more than ${megabytes(MAX_INPUT_BYTES)}` : `${megabytes(bytes)}, more than ${megabytes(MAX_INPUT_BYTES)}`
  return `is ${size} (postedit's limit for one input); split it, or list it in .posteditignore`
}
