// Test helpers for credit: a real HTTP credit source the test controls, reports to judge, and a CSV
// import into a test app's register.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import { type CreditReport, combineReports } from '../../src/credit/credit-report.ts'
import { type ImportReport, importCreditFile } from '../../src/credit/import-credit.ts'
import type { Database } from '../../src/db/schema.ts'

export const BANNED = '91350200776049653A' // from the wild (REGULATIONS §6.2)
export const PENALISED = '91440101MA5CJQ4N59'

export type Behaviour = (request: http.IncomingMessage, response: http.ServerResponse) => void

export interface CreditServer {
  readonly url: string
  /** The request paths received, in order. */
  readonly hits: string[]
  readonly headers: http.IncomingHttpHeaders[]
  behave(behaviour: Behaviour): void
  close(): Promise<void>
}

/** A real HTTP server on a free port; each test says how it answers. */
export async function startCreditServer(initial: Behaviour): Promise<CreditServer> {
  let behaviour = initial
  const hits: string[] = []
  const headers: http.IncomingHttpHeaders[] = []
  const sockets = new Set<import('node:net').Socket>()
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '')
    headers.push(request.headers)
    behaviour(request, response)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    headers,
    behave: (next) => {
      behaviour = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

export const json =
  (status: number, body: unknown, delayMs = 0): Behaviour =>
  (_request, response) => {
    const send = () => {
      if (response.destroyed) return
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(typeof body === 'string' ? body : JSON.stringify(body))
    }
    if (delayMs > 0) setTimeout(send, delayMs)
    else send()
  }

/** An answer in our own report shape for the subject in the request path (/subjects/<uscc>). */
export const answerFor =
  (extra: Record<string, unknown> = {}): Behaviour =>
  (request, response) => {
    const uscc = decodeURIComponent((request.url ?? '').split('/').pop()?.split('?')[0] ?? '')
    json(200, { uscc, subjectName: '测试企业', lists: [], penalties: [], ...extra })(request, response)
  }

const base = { at: '2026-03-23T01:30:00.000Z', queriedAt: '2026-03-02T01:30:00.000Z' }

export function report(partial: Partial<CreditReport> & Pick<CreditReport, 'uscc'>): CreditReport {
  return {
    ...base,
    source: { id: 'local', kind: 'local', name: 'local' },
    status: 'ok',
    problem: null,
    subjectName: null,
    lists: [],
    penalties: [],
    rating: null,
    rawSha256: 'f'.repeat(64),
    dataAsOf: base.queriedAt,
    ...partial,
  }
}

export const combined = (...answers: CreditReport[]) =>
  combineReports(answers[0]?.uscc ?? BANNED, base.at, base.queriedAt, answers)

export const CSV_HEADER = 'uscc,kind,reference,name,authority,start,end,detail,grade'

export async function importCsv(
  db: Kysely<Database>,
  lines: string[],
  options: { strict?: boolean; at?: Date; fileName?: string } = {},
): Promise<ImportReport> {
  return importCreditFile(db, options.fileName ?? 'credit.csv', [CSV_HEADER, ...lines].join('\n'), {
    strict: options.strict ?? false,
    importedBy: 'cli',
    at: options.at ?? new Date('2026-03-01T00:00:00Z'),
  })
}

/** The demo-like register: a ban in force until 2027, an expired ban, a recent penalty. */
export const REGISTER_LINES = [
  `${BANNED},biddingBan,佛建禁〔2025〕3号,禁投企业,佛山市住房和城乡建设局,2025-06-01,2027-05-31,串通投标,`,
  `${PENALISED},penalty,穗建罚〔2025〕88号,处罚企业,广州市住房和城乡建设局,2025-09-10,,"未按规定办理质量监督手续, 罚款",`,
  `${PENALISED},biddingBan,穗建禁〔2021〕1号,处罚企业,广州市住房和城乡建设局,2021-01-01,2022-12-31,已届满,`,
]
