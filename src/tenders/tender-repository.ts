// All SQL on the tenders projection: each row is a Tender (its machine snapshot stored as JSON, with the
// columns lists and joins need beside it). Functions that lock demand a Transaction.
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'
import type { Database } from '../db/schema.ts'
import type { TendersTable } from '../db/tables/tenders.ts'
import { NotFound } from '../shared/errors.ts'
import type { Tender } from './tender.ts'

type TenderRow = Selectable<TendersTable>

function tenderOf(row: TenderRow): Tender {
  const stored = row.snapshot as { context: TenderContext }
  return {
    id: row.id,
    purchaserOrgId: row.purchaser_org_id,
    state: row.state as TenderState,
    version: row.version,
    context: stored.context,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

/** The row's columns of `tender`: the snapshot as { value, context }, the rest copied out of the context. */
function columnsOf(tender: Tender) {
  const { context } = tender
  return {
    state: tender.state,
    version: tender.version,
    title: context.particulars.title,
    reference: context.particulars.reference,
    deadline: context.deadline,
    published_at: context.publishedAt,
    snapshot: JSON.stringify({ value: tender.state, context }),
    updated_at: tender.updatedAt,
  }
}

/** Locks the tender row: FOR UPDATE for tender commands, FOR SHARE for bid commands (DESIGN §3). */
export async function lockTender(
  trx: Transaction<Database>,
  tenderId: string,
  mode: 'update' | 'share',
): Promise<Tender> {
  const query = trx.selectFrom('tenders').selectAll().where('id', '=', tenderId)
  const row = await (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst()
  if (!row) throw new NotFound(`tender ${tenderId} does not exist`)
  return tenderOf(row)
}

export async function findTender(db: Kysely<Database>, tenderId: string): Promise<Tender> {
  const row = await db.selectFrom('tenders').selectAll().where('id', '=', tenderId).executeTakeFirst()
  if (!row) throw new NotFound(`tender ${tenderId} does not exist`)
  return tenderOf(row)
}

export async function insertTender(trx: Transaction<Database>, tender: Tender): Promise<void> {
  await trx
    .insertInto('tenders')
    .values({
      id: tender.id,
      purchaser_org_id: tender.purchaserOrgId,
      ...columnsOf(tender),
      created_at: tender.createdAt,
    })
    .execute()
}

/** Writes the tender as one event changed it (state, version, context and the columns copied from it). */
export async function updateTender(trx: Transaction<Database>, tender: Tender): Promise<void> {
  await trx.updateTable('tenders').set(columnsOf(tender)).where('id', '=', tender.id).execute()
}

export interface TenderListFilter {
  readonly state?: string
  readonly purchaserOrgId?: string
  readonly publishedOnly: boolean
  readonly limit: number
  readonly offset: number
}

export async function listTenders(db: Kysely<Database>, filter: TenderListFilter): Promise<Tender[]> {
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
  return (await query.limit(filter.limit).offset(filter.offset).execute()).map(tenderOf)
}

/** Which tenders with an award meeting to list: in these states, of this member or this purchaser. */
export interface AwardMeetingFilter {
  readonly states: readonly TenderState[]
  /** Tenders whose award committee this user was drawn onto. */
  readonly awardMemberId?: string
  /** Tenders of this purchaser. */
  readonly purchaserOrgId?: string
  readonly limit: number
  readonly offset: number
}

/** The award meetings a user takes part in, the latest moved first (the committee is in the context). */
export async function listAwardMeetings(db: Kysely<Database>, filter: AwardMeetingFilter): Promise<Tender[]> {
  let query = db
    .selectFrom('tenders')
    .selectAll()
    .where('state', 'in', [...filter.states])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
  const { awardMemberId, purchaserOrgId } = filter
  if (awardMemberId !== undefined) {
    const member = JSON.stringify([awardMemberId])
    query = query.where(sql<boolean>`snapshot -> 'context' -> 'awardCommittee' @> ${member}::jsonb`)
  }
  if (purchaserOrgId !== undefined) query = query.where('purchaser_org_id', '=', purchaserOrgId)
  return (await query.limit(filter.limit).offset(filter.offset).execute()).map(tenderOf)
}
