// A small keep-alive HTTP/1.1 JSON client on node:http: far less CPU per request than fetch, which
// matters when the load generator shares two cores with the server and PostgreSQL.
import http from 'node:http'

export interface Reply {
  readonly status: number
  readonly body: unknown
}

export interface RequestOptions {
  readonly token?: string
  /** Already serialised JSON, so the timed window does not pay for JSON.stringify. */
  readonly json?: string
  readonly headers?: Record<string, string>
}

export interface HttpClient {
  request(method: string, path: string, options?: RequestOptions): Promise<Reply>
  close(): void
}

function parse(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function createHttpClient(baseUrl: string, maxSockets: number): HttpClient {
  const url = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets })
  const request = (method: string, path: string, options: RequestOptions = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const payload = options.json === undefined ? undefined : Buffer.from(options.json, 'utf8')
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
      if (options.token) headers.authorization = `Bearer ${options.token}`
      if (payload) {
        headers['content-type'] = 'application/json'
        headers['content-length'] = String(payload.length)
      }
      const req = http.request(
        { host: url.hostname, port: url.port, method, path, agent, headers },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: parse(Buffer.concat(chunks).toString('utf8')) }),
          )
        },
      )
      req.on('error', reject)
      req.end(payload)
    })
  return { request, close: () => agent.destroy() }
}

/** A JSON object field, or undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}
