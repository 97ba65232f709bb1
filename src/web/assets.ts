// The UI's static files (src/web/assets/: the style sheet, the enhancement script, the icon), served by
// the app itself (a trading centre's network may be closed to CDNs). Read once at start; each URL
// carries the file's hash, so a browser keeps it for a year and a changed file has a new URL.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
}

interface Asset {
  readonly body: Buffer
  readonly type: string
  readonly hash: string
}

/**
 * The assets folder, found from the repository root: this module runs from src/web/ under tsx and
 * from node_modules/.cache/youxuan/ when bin/youxuan.mjs bundles it.
 */
function assetsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(dir, 'src', 'web', 'assets')
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('src/web/assets not found above the running module')
    dir = parent
  }
}

function loadAssets(): ReadonlyMap<string, Asset> {
  const folder = assetsFolder()
  const assets = new Map<string, Asset>()
  for (const name of readdirSync(folder)) {
    const type = TYPES[path.extname(name)]
    if (!type) continue
    const body = readFileSync(path.join(folder, name))
    assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) })
  }
  return assets
}

const ASSETS = loadAssets()

/** "/assets/site.css?v=<hash>": the URL a page links an asset with. */
export function assetUrl(name: string): string {
  const asset = ASSETS.get(name)
  if (!asset) throw new Error(`no asset ${name} in src/web/assets`)
  return `/assets/${name}?v=${asset.hash}`
}

const YEAR = 'public, max-age=31536000, immutable'
const SHORT = 'public, max-age=300'

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) =>
    reply.redirect(assetUrl('favicon.svg'), 301),
  )
  app.get('/assets/:name', { schema: { hide: true } }, (request, reply) => {
    const { name } = request.params as { name: string }
    const asset = ASSETS.get(name)
    if (!asset) return reply.callNotFound()
    const etag = `"${asset.hash}"`
    const version = (request.query as { v?: unknown }).v
    reply
      .header('cache-control', version === asset.hash ? YEAR : SHORT)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
    if (request.headers['if-none-match'] === etag) return reply.code(304).send()
    return reply.type(asset.type).send(asset.body)
  })
}
