// All SQL on the sessions table, and the directory reads sign-in needs.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export interface SessionRecord {
  readonly idHash: string
  readonly userId: string
  readonly orgId: string
  readonly roles: readonly string[]
  readonly createdAt: Date
  readonly expiresAt: Date
}

export async function insertSession(db: Kysely<Database>, session: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      org_id: session.orgId,
      roles: [...session.roles],
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute()
}

/** The session if it is live at `now` (not revoked, not expired), with its user's and org's names. */
export async function findLiveSession(db: Kysely<Database>, idHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'sessions.org_id')
    .select([
      'sessions.user_id as userId',
      'sessions.org_id as orgId',
      'sessions.roles',
      'users.display_name as displayName',
      'organisations.name as orgName',
      'organisations.name_en as orgNameEn',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst()
}

export async function revokeSession(db: Kysely<Database>, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Ends every live session of a user (taken off a committee, disabled): effective on their next request. */
export async function revokeSessionsOfUser(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** A directory user by username, for sign-in. */
export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'org_id as orgId', 'roles'])
    .where('username', '=', username)
    .executeTakeFirst()
}
