// Environment → typed configuration. No DATABASE_URL means the embedded PGlite database in the data folder.
import path from 'node:path'
import { type CreditConfig, loadCreditConfig } from './credit/credit-config.ts'

export interface Config {
  readonly port: number
  readonly host: string
  readonly databaseUrl: string | null
  readonly dataDir: string
  readonly logLevel: string
  readonly production: boolean
  /** The dev login (tokens for seeded demo users) is refused in production. */
  readonly devLogin: boolean
  /** Largest JSON request body accepted, in bytes. */
  readonly bodyLimit: number
  /** Largest bid submission (a JWE or a plaintext bid) accepted, in bytes; beyond it 413. */
  readonly bidBodyLimit: number
  readonly publicUrl: string
  /** YOUXUAN_KEK: the key-encryption key, base64 of 32 bytes; null → the embedded key file (not in production). */
  readonly kekBase64: string | null
  /** Credit sources: YOUXUAN_CREDIT_PROVIDERS (local, http) and YOUXUAN_CREDIT_HTTP_* (README "Credit data"). */
  readonly credit: CreditConfig
  /**
   * The sandbox clock an operator can advance (README "Drive a tender by hand"): only on the embedded
   * default, never in production nor on PostgreSQL (a shared database keeps real time); YOUXUAN_SANDBOX_CLOCK=off.
   */
  readonly sandboxClock: boolean
  /**
   * OIDC bearer tokens in production: YOUXUAN_OIDC_JWKS_URL and YOUXUAN_OIDC_ISSUER; null → the embedded
   * issuer (which production refuses to hand out through the dev login).
   */
  readonly oidc: { readonly jwksUrl: string; readonly issuer: string } | null
}

/** Bids may carry attachments in their JWE; 20 MiB unless YOUXUAN_BID_BODY_LIMIT says otherwise. */
export const DEFAULT_BID_BODY_LIMIT = 20 * 1024 * 1024

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const host = env.HOST || '127.0.0.1'
  const databaseUrl = env.DATABASE_URL?.trim() || null
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://')
  }
  return {
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.YOUXUAN_DATA_DIR || 'data'),
    logLevel: env.LOG_LEVEL || 'info',
    production,
    devLogin: !production && env.YOUXUAN_DEV_LOGIN !== 'off',
    bodyLimit: integer(env, 'YOUXUAN_BODY_LIMIT', 1024 * 1024, 1024, 256 * 1024 * 1024),
    bidBodyLimit: integer(env, 'YOUXUAN_BID_BODY_LIMIT', DEFAULT_BID_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
    publicUrl: env.YOUXUAN_PUBLIC_URL || `http://localhost:${port}`,
    kekBase64: env.YOUXUAN_KEK?.trim() || null,
    credit: loadCreditConfig(env),
    sandboxClock: !production && databaseUrl === null && env.YOUXUAN_SANDBOX_CLOCK !== 'off',
    oidc: env.YOUXUAN_OIDC_JWKS_URL
      ? { jwksUrl: env.YOUXUAN_OIDC_JWKS_URL, issuer: env.YOUXUAN_OIDC_ISSUER ?? '' }
      : null,
  }
}

/** The credit sources the environment names: for an app built without a configuration (tests, tools). */
export function creditConfigFromEnvironment(): CreditConfig {
  return loadCreditConfig(process.env)
}
