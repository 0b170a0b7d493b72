import type {PosteditMessage} from '../engine/report.js'

// An element's start tag right before a deletion, and its end tag right after.
const OPENS = /<([A-Za-z][\w-]*)\b[^<>]*>[ \t]*$/
const CLOSES = /^[ \t]*<\/([A-Za-z][\w-]*)\s*>/

/**
 * In HTML, deleting boilerplate that is an element's whole text (`<p>Dubai -
 * Al Arabiya</p>`) would leave an empty element behind (`<p></p>`), which
 * renders as a blank paragraph. Such a deletion takes the element's tags with
 * it, and the line break after it when the element stood on a line of its
 * own. Only a start tag and the end tag of the same name, on the same line,
 * are taken: anything else around the text stays as it was.
 */
export function widenDeletionsToElements(source: string, messages: readonly PosteditMessage[]): void {
  for (const message of messages) {
    const fix = message.fix
    if (!fix || fix.text !== '' || !String(message.ruleId).startsWith('artifacts.')) continue
    const lineStart = source.lastIndexOf('\n', fix.start - 1) + 1
    const lineEnd = source.indexOf('\n', fix.end)
    const lineStop = lineEnd === -1 ? source.length : lineEnd
    let start = fix.start
    let end = fix.end
    // Nested elements (`<p><b>Source: Reuters</b></p>`) are taken one pair at a time.
    for (;;) {
      const open = OPENS.exec(source.slice(lineStart, start))
      const close = CLOSES.exec(source.slice(end, lineStop))
      if (!open || !close || open[1]!.toLowerCase() !== close[1]!.toLowerCase()) break
      start -= open[0].length
      end += close[0].length
    }
    if (start === fix.start) continue
    // Alone on its line: the line goes too, so no blank line is left.
    if (lineEnd !== -1 && source.slice(lineStart, start).trim() === '' && source.slice(end, lineStop).trim() === '') {
      start = lineStart
      end = lineEnd + 1
    }
    message.fix = {start, end, text: ''}
  }
}
