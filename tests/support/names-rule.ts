import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {applyFixes} from '../../src/engine/fix.js'
import type {PosteditMessage} from '../../src/engine/report.js'
import retextPosteditNames from '../../src/rules/names.js'

const processor = unified().use(retextEnglish).use(retextPosteditNames).freeze()

/** Messages of the names rule alone on `text`. */
export async function lint(text: string): Promise<PosteditMessage[]> {
  const file = new VFile(text)
  await processor.run(processor.parse(file), file)
  return file.messages as PosteditMessage[]
}

/** `text` with every fix of the names rule applied. */
export async function fixed(text: string): Promise<string> {
  return applyFixes(text, (await lint(text)).flatMap((message) => (message.fix ? [message.fix] : []))).value
}
