/**
 * A rule pack that cannot be used, with the place in its YAML file
 * (`file:line:column: what is wrong`).
 */
export class PackError extends Error {
  readonly file: string
  readonly line: number
  readonly column: number

  constructor(file: string, line: number, column: number, problem: string) {
    super(`${file}:${line}:${column}: ${problem}`)
    this.name = 'PackError'
    this.file = file
    this.line = line
    this.column = column
  }
}
