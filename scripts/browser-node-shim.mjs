// Stand-ins for the Node built-ins postedit's modules import, in the browser
// bundle only (scripts/build-browser.mjs). With the bundled data installed
// the checking path never calls them; anything that does (a pack path, the
// disk cache) fails with a message that says why instead of a missing import.
const unavailable = (name) => () => {
  throw new Error(`postedit: ${name} is not available in the browser (only the bundled data is)`)
}

const trimSlashes = (part) => part.replace(/\/+$/, '')
export const sep = '/'
export const join = (...parts) => parts.filter(Boolean).map((part, index) => (index === 0 ? trimSlashes(part) : part.replace(/^\/+|\/+$/g, ''))).join('/')
export const resolve = join
export const relative = (from, to) => to
export const dirname = (path) => path.replace(/\/[^/]*\/?$/, '') || '/'
export const basename = (path, ext) => {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? ''
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base
}
export const extname = (path) => /\.[^./]*$/.exec(basename(path))?.[0] ?? ''
export const fileURLToPath = (url) => new URL(url).pathname
export const pathToFileURL = (path) => new URL(`file://${path}`)
export const createRequire = () => unavailable('require')
export const createHash = unavailable('node:crypto')
export const homedir = () => ''
export const tmpdir = () => '/tmp'
export const readFileSync = unavailable('readFileSync')
export const statSync = unavailable('statSync')
export const lstatSync = unavailable('lstatSync')
export const readdirSync = unavailable('readdirSync')
export const existsSync = () => false
export const mkdirSync = unavailable('mkdirSync')
export const writeFileSync = unavailable('writeFileSync')
export const renameSync = unavailable('renameSync')
export const unlinkSync = unavailable('unlinkSync')
export const utimesSync = unavailable('utimesSync')
export const serialize = unavailable('node:v8 serialize')
export const deserialize = unavailable('node:v8 deserialize')
export default {sep, join, resolve, relative, dirname, basename, extname}
