import {createReadStream, statSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {extname, join, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

/** The package's top folder: the playground page and the browser bundle are served from under it. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Folders a browser may read; everything else (sources, node_modules) is not served. */
const SERVED = ['docs/playground/', 'dist/browser/']

/** Where the playground page is. */
export const PLAYGROUND_PATH = '/docs/playground/'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

export const SERVE_USAGE = 'Usage: postedit serve [--port N] [--host HOST]   (the playground at http://HOST:N/; --port 0: any free port)\n'

/** The file a request path names, when it lies in a served folder; else `undefined`. */
export function servedFile(urlPath: string, root = ROOT): string | undefined {
  let path: string
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]!)
  } catch {
    return undefined
  }
  if (path.endsWith('/')) path += 'index.html'
  const relative = path.replace(/^\/+/, '')
  // No `..`, no backslashes, no NUL: a request never leaves the served folders.
  if (relative.split('/').some((part) => part === '..' || part === '.') || /[\\\0]/.test(relative)) return undefined
  if (!SERVED.some((folder) => relative.startsWith(folder))) return undefined
  return join(root, ...relative.split('/'))
}

/**
 * A static server for the playground page and the browser bundle it loads
 * (`/` leads to the page). Not listening yet: call `listen`.
 */
export function playgroundServer(root = ROOT): Server {
  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {allow: 'GET, HEAD'}).end()
      return
    }
    const url = request.url ?? '/'
    if (url === '/' || url.startsWith('/?')) {
      response.writeHead(302, {location: PLAYGROUND_PATH}).end()
      return
    }
    const file = servedFile(url, root)
    let size: number | undefined
    try {
      const stats = file ? statSync(file) : undefined
      if (stats?.isFile()) size = stats.size
    } catch {
      // Missing: 404 below.
    }
    if (!file || size === undefined) {
      const hint = url.startsWith('/dist/browser/') ? ' (build it first: npm run build)' : ''
      response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end(`not found${hint}\n`)
      return
    }
    response.writeHead(200, {'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache'})
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
  })
}

/**
 * `postedit serve [--port N] [--host HOST]`: serve the playground until
 * interrupted. Resolves with an exit code only when it cannot start.
 */
export async function serveCommand(args: string[]): Promise<number> {
  let values
  try {
    ;({values} = parseArgs({args, options: {port: {type: 'string', default: '8080'}, host: {type: 'string', default: '127.0.0.1'}, help: {type: 'boolean', short: 'h'}}}))
  } catch (error) {
    process.stderr.write(`postedit: ${(error as Error).message}\n${SERVE_USAGE}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(SERVE_USAGE)
    return 0
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) {
    process.stderr.write(`postedit: --port takes a number from 0 to 65535, not \`${values.port}\`\n${SERVE_USAGE}`)
    return 2
  }
  try {
    statSync(join(ROOT, 'dist', 'browser', 'postedit.js'))
  } catch {
    process.stderr.write(`postedit: the browser bundle is missing (dist${sep}browser${sep}postedit.js): run npm run build first\n`)
    return 2
  }
  const server = playgroundServer()
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(`postedit: cannot serve on ${values.host}:${port} (${error.code ?? error.message})\n`)
      resolve(2)
    })
    server.listen(port, values.host, () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      const host = values.host.includes(':') ? `[${values.host}]` : values.host
      process.stdout.write(`postedit: playground at http://${host}:${actual}${PLAYGROUND_PATH} (Ctrl-C stops)\n`)
    })
  })
}
