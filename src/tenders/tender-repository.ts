// All SQL on the tenders projection. Functions that lock demand a Transaction.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { TendersTable } from '../db/tables/tenders.ts'
import { NotFound } from '../shared/errors.ts'

export type TenderRow = Selectable<TendersTable>

/** Locks the tender row: FOR UPDATE for tender commands, FOR SHARE for bid commands (DESIGN §3). */
export async function lockTender(
  trx: Transaction<Database>,
  tenderId: string,
  mode: 'update' | 'share',
): Promise<TenderRow> {
  const query = trx.selectFrom('tenders').selectAll().where('id', '=', tenderId)
  const row = await (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst()
  if (!row) throw new NotFound(`tender ${tenderId} does not exist`)
  return row
}

export async function findTender(db: Kysely<Database>, tenderId: string): Promise<TenderRow> {
  const row = await db.selectFrom('tenders').selectAll().where('id', '=', tenderId).executeTakeFirst()
  if (!row) throw new NotFound(`tender ${tenderId} does not exist`)
  return row
}

export interface TenderProjection {
  readonly state: string
  readonly version: number
  readonly title: string
  readonly reference: string
  readonly deadline: string | null
  readonly publishedAt: string | null
  readonly snapshot: Record<string, unknown>
  readonly updatedAt: Date
}

export async function insertTender(
  trx: Transaction<Database>,
  row: { id: string; purchaserOrgId: string; createdAt: Date } & TenderProjection,
): Promise<void> {
  await trx
    .insertInto('tenders')
    .values({
      id: row.id,
      purchaser_org_id: row.purchaserOrgId,
      reference: row.reference,
      title: row.title,
      state: row.state,
      version: row.version,
      deadline: row.deadline,
      published_at: row.publishedAt,
      snapshot: JSON.stringify(row.snapshot),
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    })
    .execute()
}

export async function updateTenderProjection(
  trx: Transaction<Database>,
  tenderId: string,
  projection: TenderProjection,
): Promise<void> {
  await trx
    .updateTable('tenders')
    .set({
      state: projection.state,
      version: projection.version,
      title: projection.title,
      reference: projection.reference,
      deadline: projection.deadline,
      published_at: projection.publishedAt,
      snapshot: JSON.stringify(projection.snapshot),
      updated_at: projection.updatedAt,
    })
    .where('id', '=', tenderId)
    .execute()
}

export interface TenderListFilter {
  readonly state?: string
  readonly purchaserOrgId?: string
  readonly publishedOnly: boolean
  readonly limit: number
  readonly offset: number
}

export async function listTenders(db: Kysely<Database>, filter: TenderListFilter): Promise<TenderRow[]> {
  let query = db.selectFrom('tenders').selectAll().orderBy('created_at', 'desc').orderBy('id')
  if (filter.state) query = query.where('state', '=', filter.state)
  if (filter.publishedOnly && filter.purchaserOrgId) {
    const org = filter.purchaserOrgId
    query = query.where((eb) => eb.or([eb('state', '!=', 'draft'), eb('purchaser_org_id', '=', org)]))
  } else if (filter.publishedOnly) {
    query = query.where('state', '!=', 'draft')
  } else if (filter.purchaserOrgId) {
    query = query.where('purchaser_org_id', '=', filter.purchaserOrgId)
  }
  return query.limit(filter.limit).offset(filter.offset).execute()
}
