// Reads the bearer token on every request; routes that need a user call requireActor().
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Unauthenticated } from '../shared/errors.ts'
import type { Actor } from './actor.ts'
import type { TokenClaims, TokenService } from './token-issuer.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
}

export function registerAuthentication(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('actor', null)
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization
    if (!header) return
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match?.[1]) throw new Unauthenticated('the Authorization header must be "Bearer <token>"')
    request.actor = actorFromClaims(await tokens.verify(match[1]), request)
  })
}

/** The actor of a request: a verified token's (API) or a live session's (pages) claims, where and which request. */
export function actorFromClaims(claims: TokenClaims, request: FastifyRequest): Actor {
  return {
    userId: claims.userId,
    orgId: claims.orgId,
    roles: claims.roles,
    ip: request.ip,
    requestId: request.id,
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor)
    throw new Unauthenticated(
      'this needs a bearer token (POST /api/v1/auth/dev-login in the embedded default)',
    )
  return request.actor
}
