// The award meetings a user takes part in, read from the tenders projection (the committee lives in
// the machine's snapshot). All SQL of "my meetings" is here.
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { TenderRow } from '../tenders/tender-repository.ts'

/** The states with a meeting to attend or to follow: the award itself, and its result's publicity. */
export const MEETING_STATES = ['awarding', 'resultPublicity'] as const

export interface MeetingFilter {
  /** Meetings where this user was drawn onto the award committee. */
  readonly memberId?: string
  /** Meetings of this purchaser's tenders. */
  readonly purchaserOrgId?: string
  readonly limit: number
  readonly offset: number
}

export async function findMeetings(db: Kysely<Database>, filter: MeetingFilter): Promise<TenderRow[]> {
  let query = db
    .selectFrom('tenders')
    .selectAll()
    .where('state', 'in', [...MEETING_STATES])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
  const { memberId, purchaserOrgId } = filter
  if (memberId !== undefined) {
    const member = JSON.stringify([memberId])
    query = query.where(sql<boolean>`snapshot -> 'context' -> 'awardCommittee' @> ${member}::jsonb`)
  }
  if (purchaserOrgId !== undefined) query = query.where('purchaser_org_id', '=', purchaserOrgId)
  return query.limit(filter.limit).offset(filter.offset).execute()
}
