// Cookies of the page scope: read from the request, appended to the reply. Marked Secure unless the
// request is on localhost (a browser keeps no Secure cookie from plain http, and the demo runs there);
// a Secure cookie takes the __Host- prefix, so no other subdomain can plant or read it.
import { parse, serialize } from 'cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** The request reached the app on this machine (http://localhost:3000, the tests). */
export function isLocalRequest(request: FastifyRequest): boolean {
  const host = request.hostname.toLowerCase()
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost')
}

/** A cookie's name as sent: __Host-<name> when it is Secure. */
export function cookieName(request: FastifyRequest, name: string): string {
  return isLocalRequest(request) ? name : `__Host-${name}`
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (!header) return undefined
  return parse(header)[cookieName(request, name)]
}

export interface CookieOptions {
  readonly httpOnly: boolean
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number
}

export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  options: CookieOptions,
) {
  const cookie = serialize(cookieName(request, name), value, {
    httpOnly: options.httpOnly,
    secure: !isLocalRequest(request),
    sameSite: 'lax',
    path: '/',
    maxAge: options.maxAge,
  })
  const existing = reply.getHeader('set-cookie')
  const all = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)]
  reply.header('set-cookie', [...all.filter((c) => !c.startsWith(`${cookieName(request, name)}=`)), cookie])
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string) {
  setCookie(request, reply, name, '', { httpOnly: true, maxAge: 0 })
}
