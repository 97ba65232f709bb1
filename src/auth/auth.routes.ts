// Dev login (embedded default only) and "who am I".
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { Body, ProblemRef, problemResponses } from '../http/schemas.ts'
import { Forbidden, NotFound } from '../shared/errors.ts'
import { ROLES, type Role } from './actor.ts'
import { requireActor } from './authenticate.ts'
import type { TokenService } from './token-issuer.ts'

const UserView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    orgId: Type.String(),
    orgName: Type.String(),
    orgUscc: Type.String(),
    roles: Type.Array(Type.String()),
  },
  { additionalProperties: false },
)

export interface AuthRouteDeps {
  readonly db: Kysely<Database>
  readonly tokens: TokenService
  readonly devLogin: boolean
}

export async function authRoutes(app: FastifyInstance, deps: AuthRouteDeps): Promise<void> {
  const findUser = (column: 'username' | 'users.id', value: string) =>
    deps.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name as displayName',
        'users.org_id as orgId',
        'users.roles',
        'organisations.name as orgName',
        'organisations.uscc as orgUscc',
      ])
      .where(column, '=', value)
      .executeTakeFirst()

  app.post(
    '/api/v1/auth/dev-login',
    {
      schema: {
        operationId: 'devLogin',
        tags: ['auth'],
        summary: 'Issue a token for a seeded demo user (embedded default only; refused in production)',
        body: Body(
          { username: Type.String({ minLength: 1, maxLength: 64, examples: ['purchaser'] }) },
          {
            description:
              'a seeded username: purchaser, agent, bidder1–5, expert1–9, member1–9, supervisor, auditor, operator',
          },
        ),
        response: {
          200: Type.Object({ token: Type.String(), tokenType: Type.Literal('Bearer'), user: UserView }),
          400: ProblemRef,
          403: ProblemRef,
          404: ProblemRef,
        },
      },
    },
    async (request) => {
      if (!deps.devLogin) throw new Forbidden('dev login is disabled on this installation')
      const { username } = request.body as { username: string }
      const user = await findUser('username', username)
      if (!user) throw new NotFound(`no seeded user "${username}"`)
      const roles = user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r))
      const token = await deps.tokens.issue({ userId: user.id, orgId: user.orgId, roles })
      return { token, tokenType: 'Bearer' as const, user }
    },
  )

  app.get(
    '/api/v1/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'The user the bearer token names',
        security: [{ bearerAuth: [] }],
        response: { 200: UserView, ...problemResponses(404) },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const user = await findUser('users.id', actor.userId)
      if (!user) throw new NotFound('the token names a user that no longer exists')
      return user
    },
  )
}
