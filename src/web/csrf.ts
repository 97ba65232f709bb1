// Cross-site request forgery: every form carries a token derived from a secret only this browser holds
// (the session cookie, or before sign-in a cookie of its own), and a state-changing page request must
// bring a token of one of its secrets and come from this site (Origin, Sec-Fetch-Site).
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { Forbidden } from '../shared/errors.ts'
import { CSRF_FIELD } from './components/form-fields.ts'

/** The refusal of a forged or stale form: a 403 page, and the handler never runs. */
export class CsrfRefused extends Forbidden {
  constructor(reason: string) {
    super(`the form was refused: ${reason}`, {}, 'csrf_refused')
  }
}

/** The token of a secret: an HMAC, so the page shows the token and never the secret (a session id). */
export function csrfToken(secret: string): string {
  return createHmac('sha256', secret).update('youxuan page form').digest('base64url')
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** host[:port] without a default port; null when it is no URL ("null" is the Origin of a sandboxed page). */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

/** Refuses a request another site sent: a foreign Origin or a Sec-Fetch-Site other than same-origin. */
export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new CsrfRefused(`Sec-Fetch-Site is ${site}`)
  const origin = request.headers.origin
  if (origin === undefined) return
  if (hostOf(origin) === null || hostOf(origin) !== hostOf(`${request.protocol}://${request.host}`)) {
    throw new CsrfRefused(`Origin ${origin} is not this site`)
  }
}

/** The body's token must be the token of one of the browser's secrets. */
export function assertCsrfToken(request: FastifyRequest, secrets: readonly string[]): void {
  const body = request.body
  const given =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined
  if (typeof given !== 'string' || given === '') throw new CsrfRefused('the form carries no token')
  if (!secrets.some((secret) => sameToken(csrfToken(secret), given)))
    throw new CsrfRefused('the token is not this browser’s')
}
