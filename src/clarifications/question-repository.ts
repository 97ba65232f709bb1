// All SQL on the questions table (答疑). The asker's organisation is kept here and nowhere else.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { QuestionsTable } from '../db/tables/bidding.ts'
import { NotFound } from '../shared/errors.ts'

export interface QuestionRecord {
  readonly id: string
  readonly tenderId: string
  readonly askerOrgId: string
  readonly question: string
  readonly answer: string | null
  readonly askedAt: Date
  readonly answeredAt: Date | null
}

const toRecord = (row: Selectable<QuestionsTable>): QuestionRecord => ({
  id: row.id,
  tenderId: row.tender_id,
  askerOrgId: row.asker_org_id,
  question: row.question,
  answer: row.answer,
  askedAt: new Date(row.asked_at),
  answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
})

export async function insertQuestion(
  trx: Transaction<Database>,
  question: Pick<QuestionRecord, 'id' | 'tenderId' | 'askerOrgId' | 'question' | 'askedAt'>,
): Promise<void> {
  await trx
    .insertInto('questions')
    .values({
      id: question.id,
      tender_id: question.tenderId,
      asker_org_id: question.askerOrgId,
      question: question.question,
      asked_at: question.askedAt,
    })
    .execute()
}

export async function lockQuestion(
  trx: Transaction<Database>,
  tenderId: string,
  questionId: string,
): Promise<QuestionRecord> {
  const row = await trx
    .selectFrom('questions')
    .selectAll()
    .where('id', '=', questionId)
    .where('tender_id', '=', tenderId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NotFound(`question ${questionId} does not exist on tender ${tenderId}`)
  return toRecord(row)
}

export async function recordAnswer(
  trx: Transaction<Database>,
  questionId: string,
  answer: string,
  at: Date,
): Promise<void> {
  await trx.updateTable('questions').set({ answer, answered_at: at }).where('id', '=', questionId).execute()
}

export async function listQuestions(db: Kysely<Database>, tenderId: string): Promise<QuestionRecord[]> {
  const rows = await db
    .selectFrom('questions')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute()
  return rows.map(toRecord)
}
