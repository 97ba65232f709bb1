// A browserless client of the web UI over fastify.inject: a cookie jar, forms posted urlencoded with the
// CSRF token of the last page read, and each HTML answer parsed (linkedom) for markup checks.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { parseHTML } from 'linkedom'

export interface PageAnswer {
  readonly status: number
  readonly headers: LightMyRequestResponse['headers']
  readonly body: string
  readonly document: ReturnType<typeof parseHTML>['document']
}

export interface PageClient {
  readonly cookies: Map<string, string>
  get(url: string, headers?: Record<string, string>): Promise<PageAnswer>
  /** Posts the fields with the last page's _csrf unless `csrf` says otherwise (null: none). */
  post(
    url: string,
    fields: Record<string, string>,
    options?: { csrf?: string | null; headers?: Record<string, string> },
  ): Promise<PageAnswer>
  signIn(username: string): Promise<PageAnswer>
  /** The _csrf value of the last page read. */
  lastToken(): string
}

function remember(jar: Map<string, string>, response: LightMyRequestResponse): void {
  const header = response.headers['set-cookie']
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header]
  for (const cookie of all) {
    const [pair = '', ...attributes] = cookie.split(';')
    const index = pair.indexOf('=')
    const name = pair.slice(0, index).trim()
    const value = pair.slice(index + 1).trim()
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
    if (expired || value === '') jar.delete(name)
    else jar.set(name, value)
  }
}

export function pageClient(app: FastifyInstance, defaults: Record<string, string> = {}): PageClient {
  const cookies = new Map<string, string>()
  let token = ''
  const answer = (response: LightMyRequestResponse): PageAnswer => {
    remember(cookies, response)
    const { document } = parseHTML(response.body || '<!doctype html><html></html>')
    const csrf = document.querySelector('input[name="_csrf"]')?.getAttribute('value')
    if (csrf) token = csrf
    return { status: response.statusCode, headers: response.headers, body: response.body, document }
  }
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  const client: PageClient = {
    cookies,
    async get(url, headers = {}) {
      const response = await app.inject({
        method: 'GET',
        url,
        headers: {
          accept: 'text/html',
          ...defaults,
          ...(cookies.size ? { cookie: cookieHeader() } : {}),
          ...headers,
        },
      })
      return answer(response)
    },
    async post(url, fields, options = {}) {
      const csrf = options.csrf === undefined ? token : options.csrf
      const form = new URLSearchParams({ ...fields, ...(csrf === null ? {} : { _csrf: csrf }) })
      const response = await app.inject({
        method: 'POST',
        url,
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          ...defaults,
          ...(cookies.size ? { cookie: cookieHeader() } : {}),
          ...options.headers,
        },
        payload: form.toString(),
      })
      return answer(response)
    },
    async signIn(username) {
      await client.get('/login')
      return client.post('/login', { username })
    },
    lastToken: () => token,
  }
  return client
}
