// A lean keep-alive HTTP/1.1 JSON client straight on `net` sockets (as load generators such as wrk or
// autocannon are): one request at a time per connection, the request written in one piece, the reply
// framed by Content-Length or chunked encoding. node:http's client cost ~0.4–0.5 ms of CPU per request,
// which the load process took from the two cores the server and PostgreSQL share.
import net from 'node:net'

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

const HEAD_END = Buffer.from('\r\n\r\n')

/** The reply in `data` if it is complete: its status, body and length in bytes; null while incomplete. */
function frame(data: Buffer): { status: number; body: Buffer; length: number; close: boolean } | null {
  const headEnd = data.indexOf(HEAD_END)
  if (headEnd < 0) return null
  const head = data.subarray(0, headEnd).toString('latin1')
  const status = Number(head.slice(9, 12))
  const lower = head.toLowerCase()
  const close = /\r\nconnection:\s*close/.test(lower)
  const start = headEnd + 4
  const length = /\r\ncontent-length:\s*(\d+)/.exec(lower)
  if (length) {
    const end = start + Number(length[1])
    return data.length < end ? null : { status, body: data.subarray(start, end), length: end, close }
  }
  if (!/\r\ntransfer-encoding:\s*chunked/.test(lower))
    return { status, body: Buffer.alloc(0), length: start, close }
  const parts: Buffer[] = []
  let at = start
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd < 0) return null
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    const chunkEnd = lineEnd + 2 + size
    if (data.length < chunkEnd + 2) return null
    if (size === 0) return { status, body: Buffer.concat(parts), length: chunkEnd + 2, close }
    parts.push(data.subarray(lineEnd + 2, chunkEnd))
    at = chunkEnd + 2
  }
}

interface Pending {
  readonly payload: Buffer
  readonly resolve: (reply: Reply) => void
  readonly reject: (error: Error) => void
}

/** One keep-alive connection carrying one request at a time; reconnects after the server closes it. */
class Connection {
  private socket: net.Socket | null = null
  private buffered: Buffer = Buffer.alloc(0)
  private current: Pending | null = null

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly idle: (connection: Connection) => void,
  ) {}

  send(pending: Pending): void {
    this.current = pending
    this.buffered = Buffer.alloc(0)
    ;(this.socket ?? this.connect()).write(pending.payload)
  }

  destroy(): void {
    this.socket?.destroy()
    this.socket = null
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true })
    socket.on('data', (chunk: Buffer) => this.receive(chunk))
    const fail = (error: Error) => {
      if (this.socket !== socket) return // an old socket of this connection, closed on purpose
      this.socket = null
      const pending = this.current
      this.current = null
      if (!pending) return
      pending.reject(error)
      this.idle(this) // free again: the next request reconnects
    }
    socket.on('error', fail)
    socket.on('close', () => fail(new Error('the server closed the connection')))
    this.socket = socket
    return socket
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk])
    const reply = frame(this.buffered)
    if (!reply || !this.current) return
    const pending = this.current
    this.current = null
    if (reply.close) this.destroy()
    pending.resolve({ status: reply.status, body: parse(reply.body.toString('utf8')) })
    this.idle(this)
  }
}

export function createHttpClient(baseUrl: string, maxSockets: number): HttpClient {
  const url = new URL(baseUrl)
  const host = url.hostname
  const port = Number(url.port || 80)
  const idle: Connection[] = []
  const all: Connection[] = []
  const queue: Pending[] = []
  const release = (connection: Connection) => {
    const next = queue.shift()
    if (next) connection.send(next)
    else idle.push(connection)
  }
  const dispatch = (pending: Pending) => {
    let connection = idle.pop()
    if (!connection && all.length < maxSockets) {
      connection = new Connection(host, port, release)
      all.push(connection)
    }
    if (connection) connection.send(pending)
    else queue.push(pending)
  }
  const request = (method: string, path: string, options: RequestOptions = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const body = options.json === undefined ? null : Buffer.from(options.json, 'utf8')
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${url.host}\r\naccept: application/json\r\n`
      if (options.token) head += `authorization: Bearer ${options.token}\r\n`
      for (const [name, value] of Object.entries(options.headers ?? {})) head += `${name}: ${value}\r\n`
      if (body) head += `content-type: application/json\r\ncontent-length: ${body.length}\r\n`
      const headBytes = Buffer.from(`${head}\r\n`, 'latin1')
      const payload = body ? Buffer.concat([headBytes, body]) : headBytes
      dispatch({ payload, resolve, reject })
    })
  return {
    request,
    close: () => {
      for (const connection of all) connection.destroy()
    },
  }
}

/** A JSON object field, or undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}
