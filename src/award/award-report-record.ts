// The award report (定标报告) the current decision produced, as a signed record the reader may open:
// null before the decision, while the record worker has yet to sign it, or for a reader it is closed to.
import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import type { StoredEvent } from '../events/event-store.ts'
import { maySeeRecord } from '../records/record-access.ts'
import { listTenderRecords } from '../records/record-repository.ts'
import type { Tender } from '../tenders/tender.ts'

export interface AwardReportRecord {
  readonly recordId: string
  readonly issuedAt: string
  readonly pdfSha256: string
}

/** The award_report record certifying `decision` (the DECIDE event that stands), if issued. */
export async function awardReportOf(
  db: Kysely<Database>,
  tender: Tender,
  actor: Actor,
  decision: StoredEvent | undefined,
): Promise<AwardReportRecord | null> {
  if (decision === undefined) return null
  const records = await listTenderRecords(db, tender.id)
  const report = records.findLast(
    (meta) => meta.type === 'award_report' && meta.certifiedEvent.seq === decision.seq,
  )
  if (report === undefined || !maySeeRecord(tender, actor, report)) return null
  return { recordId: report.recordId, issuedAt: report.issuedAt, pdfSha256: report.pdfSha256 }
}
