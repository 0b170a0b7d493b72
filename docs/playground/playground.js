// The playground: checks the pasted article with the browser bundle on every
// change, underlines each problem in the view (its message on hover) and
// lists them, each with its fix when postedit is certain of one.
import {applyFixes, loadData, postedit} from '../../dist/browser/postedit.js'

const input = document.querySelector('#input')
const view = document.querySelector('#view')
const list = document.querySelector('#messages')
const status = document.querySelector('#status')
const fixAll = document.querySelector('#fix-all')
const copy = document.querySelector('#copy')

const offsets = (message) => [message.place?.start?.offset ?? 0, message.place?.end?.offset ?? 0]
const label = (message) => `${message.place?.start?.line ?? 1}:${message.place?.start?.column ?? 1}`

let messages = []
let checking = 0

/** The text with each problem underlined; a problem inside an earlier one is only listed. */
function render(text) {
  view.replaceChildren()
  let at = 0
  messages.forEach((message, index) => {
    const [start, end] = offsets(message)
    if (start < at) return
    view.append(text.slice(at, start))
    const mark = document.createElement('mark')
    mark.className = `${message.severity ?? 'warning'}${end === start ? ' empty' : ''}`
    mark.dataset.index = String(index)
    mark.dataset.rule = String(message.ruleId)
    mark.title = `${message.reason} (${message.ruleId})`
    mark.textContent = text.slice(start, end)
    view.append(mark)
    at = end
  })
  view.append(text.slice(at))

  list.replaceChildren(
    ...messages.map((message, index) => {
      const item = document.createElement('li')
      item.dataset.index = String(index)
      item.dataset.rule = String(message.ruleId)
      const where = document.createElement('span')
      where.className = 'rule'
      where.textContent = `${label(message)} ${message.severity ?? 'warning'} ${message.ruleId}`
      item.append(where, document.createElement('br'), message.reason)
      if (message.fix) {
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'fix'
        button.textContent = message.fix.text === '' ? 'Fix: remove' : `Fix: ${message.fix.text.length > 40 ? `${message.fix.text.slice(0, 40)}…` : message.fix.text}`
        button.addEventListener('click', () => setText(applyFixes(input.value, [message.fix]).value))
        item.append(button)
      }
      item.addEventListener('mouseenter', () => view.querySelector(`mark[data-index="${index}"]`)?.classList.add('active'))
      item.addEventListener('mouseleave', () => view.querySelector(`mark[data-index="${index}"]`)?.classList.remove('active'))
      return item
    })
  )
}

/** Check the textarea's text and show what was found. */
async function check() {
  const run = ++checking
  const text = input.value
  const result = await postedit(text)
  // A later edit started its own check: this one is stale.
  if (run !== checking) return
  messages = result.messages
  render(text)
  const fixable = messages.filter((message) => message.fix).length
  fixAll.disabled = fixable === 0
  status.textContent = messages.length === 0 ? 'No problems found.' : `${messages.length} problem${messages.length === 1 ? '' : 's'}, ${fixable} with a safe fix.`
  document.body.dataset.checked = String(run)
}

function setText(text) {
  input.value = text
  return check()
}

let timer
input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(check, 250)
})

fixAll.addEventListener('click', async () => {
  const result = await postedit(input.value, {fix: true})
  await setText(result.value)
})

copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(input.value)
  } catch {
    // No clipboard permission (an insecure origin): copy the selection instead.
    input.select()
    document.execCommand('copy')
  }
  status.textContent = 'Copied.'
})

const started = performance.now()
try {
  await loadData()
  // One sentence loads everything a check needs (dictionaries, names, lexicon), so the first real check is quick.
  await postedit('The ministr met Ahmed in Cairo and said the talks went well.')
  input.disabled = false
  copy.disabled = false
  status.textContent = `Ready (loaded in ${Math.round(performance.now() - started)} ms).`
  document.body.dataset.ready = 'true'
  if (input.value) await check()
} catch (error) {
  status.textContent = `postedit could not load: ${error.message}`
  document.body.dataset.ready = 'error'
}
