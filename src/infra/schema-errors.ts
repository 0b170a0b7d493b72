import type {ErrorObject} from 'ajv'

/** How the data file being described names its keys. */
export interface SchemaErrorWording {
  /** What the file is, for an error at its top level (`the pack`). */
  top: string
  /**
   * `leaf`: a key is named by its own name, the error's place (file, line,
   * column) says where it is; `path`: by its dotted path from the top
   * (`rules.calques`), for files whose errors carry no line.
   */
  keys: 'leaf' | 'path'
  /** What to say when the data matches none of a `oneOf`'s shapes. */
  oneOf?: string
}

/**
 * The one describer of JSON Schema (ajv) errors for every data file postedit
 * reads (packs, gazetteers, configuration): one sentence naming the key and
 * what is wrong with it.
 */
export function describeSchemaError(error: ErrorObject, wording: SchemaErrorWording): string {
  const segments = error.instancePath.split('/').slice(1)
  const key = wording.keys === 'path' ? segments.join('.') : (segments.at(-1) ?? '')
  const where = key === '' ? wording.top : `\`${key}\``
  const params = error.params as {additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string}
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key \`${[wording.keys === 'path' ? key : '', params.additionalProperty].filter(Boolean).join('.')}\``
    case 'required':
      return key === '' || wording.keys === 'leaf' ? `missing key \`${params.missingProperty}\`` : `${where} needs \`${params.missingProperty}\``
    case 'enum':
      return `${where} must be one of ${(params.allowedValues ?? []).map((value) => `\`${String(value)}\``).join(', ')}`
    case 'oneOf':
      if (wording.oneOf) return `${where}: ${wording.oneOf}`
      return `${where} ${error.message ?? 'is not valid'}`
    default:
      return `${where} ${error.message ?? 'is not valid'}`
  }
}
