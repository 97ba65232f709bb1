// Which credit sources an installation asks, from the environment (README "Credit data"). The default is
// the local register only. Checked at start-up so a bad setting fails loudly, not at the first bid.
import fs from 'node:fs'
import { DEFAULT_HTTP_MAPPING, type HttpFieldMapping, mappingProblem } from './http-mapping.ts'

export type CreditProviderKind = 'local' | 'http'

export interface HttpSourceConfig {
  readonly name: string
  /** e.g. "https://credit.example/api/subjects/{uscc}?at={at}"; {uscc}, {at} (ISO) and {date} are filled in. */
  readonly urlTemplate: string
  /** Sent with every request; never logged or recorded. */
  readonly authHeader: { readonly name: string; readonly value: string } | null
  readonly mapping: HttpFieldMapping
  /** Whether a 404 means "no records" (some sources say so) or an unusable answer (the safe default). */
  readonly notFoundMeansNoRecords: boolean
  readonly timeoutMs: number
  readonly retries: number
  readonly backoffMs: number
  readonly failureThreshold: number
  readonly resetAfterMs: number
  readonly cacheTtlMs: number
}

export interface CreditConfig {
  readonly providers: readonly CreditProviderKind[]
  readonly http: HttpSourceConfig | null
}

export const DEFAULT_CREDIT_CONFIG: CreditConfig = { providers: ['local'], http: null }

export class CreditConfigError extends Error {
  override readonly name = 'CreditConfigError'
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new CreditConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  return value
}

function providerKinds(raw: string | undefined): CreditProviderKind[] {
  const kinds = (raw || 'local')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean)
  for (const kind of kinds) {
    if (kind !== 'local' && kind !== 'http')
      throw new CreditConfigError(`YOUXUAN_CREDIT_PROVIDERS: "${kind}" is not a provider (local, http)`)
  }
  if (kinds.length === 0) throw new CreditConfigError('YOUXUAN_CREDIT_PROVIDERS names no provider')
  return [...new Set(kinds)] as CreditProviderKind[]
}

/** "Name: value" (the value is a secret: never echoed in a message). */
function authHeader(raw: string | undefined): HttpSourceConfig['authHeader'] {
  if (!raw) return null
  const colon = raw.indexOf(':')
  const name = colon > 0 ? raw.slice(0, colon).trim() : ''
  if (!/^[A-Za-z0-9-]+$/.test(name) || !raw.slice(colon + 1).trim())
    throw new CreditConfigError('YOUXUAN_CREDIT_HTTP_AUTH_HEADER must look like "Authorization: Bearer …"')
  return { name, value: raw.slice(colon + 1).trim() }
}

/** Inline JSON, or @path to a JSON file. */
function mapping(raw: string | undefined): HttpFieldMapping {
  if (!raw) return DEFAULT_HTTP_MAPPING
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.startsWith('@') ? fs.readFileSync(raw.slice(1), 'utf8') : raw)
  } catch (error) {
    throw new CreditConfigError(
      `YOUXUAN_CREDIT_HTTP_MAPPING is not readable JSON: ${(error as Error).message}`,
    )
  }
  const problem = mappingProblem(parsed)
  if (problem) throw new CreditConfigError(`YOUXUAN_CREDIT_HTTP_MAPPING: ${problem}`)
  return parsed as HttpFieldMapping
}

function httpSource(env: NodeJS.ProcessEnv): HttpSourceConfig {
  const urlTemplate = env.YOUXUAN_CREDIT_HTTP_URL?.trim() ?? ''
  if (!/^https?:\/\/[^\s]+$/.test(urlTemplate) || !urlTemplate.includes('{uscc}'))
    throw new CreditConfigError(
      'YOUXUAN_CREDIT_HTTP_URL must be an http(s) URL template containing {uscc} (the http provider is on)',
    )
  return {
    name: env.YOUXUAN_CREDIT_HTTP_NAME?.trim() || 'HTTP credit source',
    urlTemplate,
    authHeader: authHeader(env.YOUXUAN_CREDIT_HTTP_AUTH_HEADER),
    mapping: mapping(env.YOUXUAN_CREDIT_HTTP_MAPPING?.trim()),
    notFoundMeansNoRecords: env.YOUXUAN_CREDIT_HTTP_NOT_FOUND === 'no-records',
    timeoutMs: whole(env, 'YOUXUAN_CREDIT_HTTP_TIMEOUT_MS', 2000, 1, 120_000),
    retries: whole(env, 'YOUXUAN_CREDIT_HTTP_RETRIES', 1, 0, 10),
    backoffMs: whole(env, 'YOUXUAN_CREDIT_HTTP_BACKOFF_MS', 250, 0, 60_000),
    failureThreshold: whole(env, 'YOUXUAN_CREDIT_HTTP_CIRCUIT_FAILURES', 5, 1, 1000),
    resetAfterMs: whole(env, 'YOUXUAN_CREDIT_HTTP_CIRCUIT_RESET_MS', 30_000, 1, 3_600_000),
    cacheTtlMs: whole(env, 'YOUXUAN_CREDIT_HTTP_CACHE_TTL_MS', 60_000, 0, 3_600_000),
  }
}

export function loadCreditConfig(env: NodeJS.ProcessEnv): CreditConfig {
  const providers = providerKinds(env.YOUXUAN_CREDIT_PROVIDERS)
  return { providers, http: providers.includes('http') ? httpSource(env) : null }
}
