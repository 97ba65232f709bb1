// The evaluation-expert pool (评标专家库) and the directory lookups the evaluation view needs.
// All SQL of the evaluation capability on reference tables lives here.
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * Every user holding the expert role, as sorted ids: the eligible pool of a draw. Later issues add
 * specialty filters and recusal (回避); the draw sorts again, so the order here only aids reading.
 */
export async function expertPool(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`${'expert'} = any(roles)`)
    .orderBy('id')
    .execute()
  return rows.map((row) => row.id)
}

/** Display names of users by id (unknown ids are left out). */
export async function userDisplayNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

/** Organisation names by id (bidders, once their bids are opened). */
export async function organisationNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}
