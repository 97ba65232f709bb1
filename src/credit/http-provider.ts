// The HTTP/JSON credit provider: a configurable endpoint (URL template, auth header, field mapping) with
// a timeout per attempt, retries with exponential backoff, a circuit breaker and a short cache of good
// answers. Each failure comes back as its own status: timed_out, unavailable, malformed, circuit_open.
import { sha256Hex } from '../events/hash-chain.ts'
import type { Clock } from '../shared/clock.ts'
import { createCircuitBreaker } from './circuit-breaker.ts'
import type { HttpSourceConfig } from './credit-config.ts'
import type { CreditProvider } from './credit-provider.ts'
import { type CreditReport, type CreditSource, failedReport } from './credit-report.ts'
import { readMappedAnswer } from './http-mapping.ts'
import { createTtlCache } from './ttl-cache.ts'

/** A configured HTTP source (credit-config.ts) with its id and the clock it runs on. */
export interface HttpProviderOptions extends HttpSourceConfig {
  readonly id: string
  readonly clock: Clock
  readonly sleep?: (ms: number) => Promise<void>
}

const MAX_BODY_BYTES = 2 * 1024 * 1024

type Base = Pick<CreditReport, 'uscc' | 'at' | 'source' | 'queriedAt'>

/** One attempt's outcome; `retry` says whether another attempt could do better. */
type Attempt = { report: CreditReport; retry: boolean }

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function requestUrl(template: string, uscc: string, at: Date): string {
  return template
    .replaceAll('{uscc}', encodeURIComponent(uscc))
    .replaceAll('{at}', encodeURIComponent(at.toISOString()))
    .replaceAll('{date}', at.toISOString().slice(0, 10))
}

/** The cause of a failed fetch without the URL (which may carry a key in its query). */
function fetchFailure(error: unknown): { status: 'timed_out' | 'unavailable'; problem: string } {
  const name = (error as { name?: string }).name
  if (name === 'TimeoutError' || name === 'AbortError')
    return { status: 'timed_out', problem: 'no answer in time' }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return {
    status: 'unavailable',
    problem: `the request failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
  }
}

function okReport(base: Base, body: string, options: HttpProviderOptions, rawSha256: string): Attempt {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { report: failedReport(base, 'malformed', 'the answer is not JSON', rawSha256), retry: false }
  }
  const read = readMappedAnswer(parsed, options.mapping, base.uscc)
  if (!read.ok) return { report: failedReport(base, 'malformed', read.problem, rawSha256), retry: false }
  const report: CreditReport = {
    ...base,
    status: 'ok',
    problem: null,
    ...read.answer,
    rawSha256,
    dataAsOf: null,
  }
  return { report, retry: false }
}

async function attempt(base: Base, url: string, options: HttpProviderOptions): Promise<Attempt> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.authHeader) headers[options.authHeader.name] = options.authHeader.value
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs) })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const rawSha256 = sha256Hex(bytes)
    if (response.status === 404 && options.notFoundMeansNoRecords) {
      const empty = { subjectName: null, lists: [], penalties: [], rating: null }
      return {
        report: { ...base, status: 'ok', problem: null, ...empty, rawSha256, dataAsOf: null },
        retry: false,
      }
    }
    if (!response.ok) {
      const transient = response.status >= 500 || response.status === 429 || response.status === 408
      const report = failedReport(
        base,
        'unavailable',
        `the source answered HTTP ${response.status}`,
        rawSha256,
      )
      return { report, retry: transient }
    }
    if (bytes.byteLength > MAX_BODY_BYTES) {
      return {
        report: failedReport(base, 'malformed', 'the answer is larger than 2 MiB', rawSha256),
        retry: false,
      }
    }
    const body = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    return okReport(base, body, options, rawSha256)
  } catch (error) {
    const { status, problem } = fetchFailure(error)
    return { report: failedReport(base, status, problem), retry: true }
  }
}

export function httpCreditProvider(options: HttpProviderOptions): CreditProvider {
  const source: CreditSource = { id: options.id, kind: 'http', name: options.name }
  const breaker = createCircuitBreaker(options, options.clock)
  const cache = createTtlCache<CreditReport>(options.cacheTtlMs, options.clock)
  const sleep = options.sleep ?? defaultSleep
  return {
    source,
    async lookup(uscc, at) {
      const url = requestUrl(options.urlTemplate, uscc, at)
      const cached = cache.get(url)
      if (cached) return cached // the same answer, with the time it was really given
      const base = { uscc, at: at.toISOString(), source, queriedAt: options.clock.now().toISOString() }
      if (!breaker.tryAcquire()) {
        const problem = `the circuit is open after repeated failures; next trial at ${breaker.retryAt()}`
        return failedReport(base, 'circuit_open', problem)
      }
      let outcome = await attempt(base, url, options)
      for (let retry = 0; outcome.retry && retry < options.retries; retry++) {
        await sleep(options.backoffMs * 2 ** retry)
        outcome = await attempt(base, url, options)
      }
      if (outcome.report.status === 'ok') {
        breaker.success()
        cache.set(url, outcome.report)
      } else {
        breaker.failure()
      }
      return outcome.report
    },
  }
}
