// The session cookie: the random id, httpOnly, SameSite=Lax, Secure (and __Host-) unless on localhost,
// kept as long as the session lives.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { clearCookie, readCookie, setCookie } from '../web/cookies.ts'
import { SESSION_COOKIE } from '../web/page-foundation.ts'
import { SESSION_TTL_MS } from './sessions.ts'

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  setCookie(request, reply, SESSION_COOKIE, sessionId, { httpOnly: true, maxAge: SESSION_TTL_MS / 1000 })
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return readCookie(request, SESSION_COOKIE)
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  clearCookie(request, reply, SESSION_COOKIE)
}
