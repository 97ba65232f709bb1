// The headers every page, page error and asset answers with: a strict Content-Security-Policy (our own
// files only, no inline script or style, forms post only here, no framing) and the usual hardening.
// Scoped to the page routes: /docs (swagger-ui) and the API keep their own.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isLocalRequest } from './cookies.ts'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()')
  if (!isLocalRequest(request)) reply.header('strict-transport-security', 'max-age=31536000')
}
