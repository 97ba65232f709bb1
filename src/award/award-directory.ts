// Reference data the award phase shows beside the events: bidder organisations and member names.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export interface BidderOrganisation {
  readonly id: string
  readonly name: string
  readonly uscc: string
}

export async function organisationsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, BidderOrganisation>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'uscc'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((row) => [row.id, row]))
}

export async function displayNames(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...userIds])
    .execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}
