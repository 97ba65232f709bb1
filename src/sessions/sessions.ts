// Browser sessions: a random id for the cookie, only its hash stored; about two hours from sign-in;
// read again on every request, so a sign-out or revocation holds from the very next one.
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { ROLES, type Role } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import type { PageSession } from '../web/page-foundation.ts'
import { findLiveSession, insertSession, revokeSession } from './session-repository.ts'

export const SESSION_TTL_MS = 2 * 3600 * 1000

export interface SessionDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex')
const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role)

export interface StartedSession {
  /** The random id the cookie carries (never stored). */
  readonly sessionId: string
  readonly expiresAt: Date
}

export async function startSession(
  deps: SessionDeps,
  user: { readonly userId: string; readonly orgId: string; readonly roles: readonly string[] },
): Promise<StartedSession> {
  const sessionId = randomBytes(32).toString('base64url')
  const createdAt = deps.clock.now()
  const expiresAt = new Date(createdAt.getTime() + SESSION_TTL_MS)
  await insertSession(deps.db, {
    idHash: hashOf(sessionId),
    userId: user.userId,
    orgId: user.orgId,
    roles: user.roles.filter(isRole),
    createdAt,
    expiresAt,
  })
  return { sessionId, expiresAt }
}

/** The live session the id names, as pages need it; null when unknown, expired or revoked. */
export async function findPageSession(deps: SessionDeps, sessionId: string): Promise<PageSession | null> {
  const row = await findLiveSession(deps.db, hashOf(sessionId), deps.clock.now())
  if (!row) return null
  const roles = row.roles.filter(isRole)
  return {
    userId: row.userId,
    orgId: row.orgId,
    roles,
    viewer: { displayName: row.displayName, orgName: row.orgName, orgNameEn: row.orgNameEn, roles },
  }
}

export async function endSession(deps: SessionDeps, sessionId: string): Promise<void> {
  await revokeSession(deps.db, hashOf(sessionId), deps.clock.now())
}
