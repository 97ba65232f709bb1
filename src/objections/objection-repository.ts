// All SQL on the objections table (异议). The raiser's organisation is kept here, not in the events.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { ObjectionStage } from '../../state-machines/tender.events.ts'
import type { Database } from '../db/schema.ts'
import type { ObjectionsTable } from '../db/tables/bidding.ts'
import { NotFound } from '../shared/errors.ts'

export interface ObjectionRecord {
  readonly id: string
  readonly tenderId: string
  readonly raisedByOrgId: string
  readonly stage: ObjectionStage
  readonly summary: string
  readonly answer: string | null
  readonly upheld: boolean | null
  readonly raisedAt: Date
  readonly answeredAt: Date | null
}

const toRecord = (row: Selectable<ObjectionsTable>): ObjectionRecord => ({
  id: row.id,
  tenderId: row.tender_id,
  raisedByOrgId: row.raised_by_org_id,
  stage: row.stage as ObjectionStage,
  summary: row.summary,
  answer: row.answer,
  upheld: row.upheld,
  raisedAt: new Date(row.raised_at),
  answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
})

export async function insertObjection(
  trx: Transaction<Database>,
  objection: Pick<ObjectionRecord, 'id' | 'tenderId' | 'raisedByOrgId' | 'stage' | 'summary' | 'raisedAt'>,
): Promise<void> {
  await trx
    .insertInto('objections')
    .values({
      id: objection.id,
      tender_id: objection.tenderId,
      raised_by_org_id: objection.raisedByOrgId,
      stage: objection.stage,
      summary: objection.summary,
      raised_at: objection.raisedAt,
    })
    .execute()
}

export async function lockObjection(
  trx: Transaction<Database>,
  tenderId: string,
  objectionId: string,
): Promise<ObjectionRecord> {
  const row = await trx
    .selectFrom('objections')
    .selectAll()
    .where('id', '=', objectionId)
    .where('tender_id', '=', tenderId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NotFound(`objection ${objectionId} does not exist on tender ${tenderId}`)
  return toRecord(row)
}

export async function recordObjectionAnswer(
  trx: Transaction<Database>,
  objectionId: string,
  answer: { answer: string; upheld: boolean; at: Date },
): Promise<void> {
  await trx
    .updateTable('objections')
    .set({ answer: answer.answer, upheld: answer.upheld, answered_at: answer.at })
    .where('id', '=', objectionId)
    .execute()
}

export async function listObjections(
  db: Kysely<Database>,
  filter: { tenderId: string; raisedByOrgId?: string },
): Promise<ObjectionRecord[]> {
  let query = db.selectFrom('objections').selectAll().where('tender_id', '=', filter.tenderId)
  if (filter.raisedByOrgId) query = query.where('raised_by_org_id', '=', filter.raisedByOrgId)
  const rows = await query.orderBy('raised_at').orderBy('id').execute()
  return rows.map(toRecord)
}
