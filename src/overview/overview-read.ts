// What the tender overview shows, read through the API's own functions: the tender view (assertVisible
// + tenderView, as GET /api/v1/tenders/:id), whether the history is open to the viewer (the history
// API's authorizeAuditReader) and its version, the records open to the viewer (listTenderRecords +
// maySeeRecord, as GET /api/v1/tenders/:id/records) with their verdicts, and the purchaser's name.
import type { Kysely } from 'kysely'
import type { TenderEventType } from '../../state-machines/tender.events.ts'
import { authorizeAuditReader } from '../audit/history.ts'
import type { Actor } from '../auth/actor.ts'
import { organisationsByIds } from '../award/award-directory.ts'
import type { Database } from '../db/schema.ts'
import { maySeeRecord } from '../records/record-access.ts'
import { listTenderRecords, type RecordMeta } from '../records/record-repository.ts'
import type { Clock } from '../shared/clock.ts'
import { Forbidden } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { tenderView } from '../tenders/tender-view.ts'
import { type Action, actionsFor } from './event-actions.ts'
import { readKeySet, recordVerdicts, type Verdict } from './record-verdicts.ts'

export interface OverviewRecord extends RecordMeta {
  readonly verdict: Verdict
}

export interface Overview {
  readonly tender: ReturnType<typeof tenderView>
  readonly purchaserName: string | null
  readonly actions: readonly Action[]
  /**
   * Null: the history is not open to this viewer (the history API answers 403); else the seq of its
   * last event, which is the tender's version (every event is appended at the version it was decided on).
   */
  readonly history: { readonly version: number } | null
  readonly records: readonly OverviewRecord[]
  readonly oversight: boolean
}

function mayReadHistory(tender: Tender, actor: Actor): boolean {
  try {
    authorizeAuditReader(tender, actor)
    return true
  } catch (error) {
    if (error instanceof Forbidden) return false
    throw error
  }
}

export async function readOverview(
  deps: { readonly db: Kysely<Database>; readonly clock: Clock },
  actor: Actor,
  tenderId: string,
): Promise<Overview> {
  const tender = await findTender(deps.db, tenderId)
  assertVisible(tender, actor)
  const view = tenderView(tender, deps.clock.now().toISOString())
  // Independent reads, side by side (a pool runs them at once; PGlite one after another).
  const [allRecords, keySet, purchaser] = await Promise.all([
    listTenderRecords(deps.db, tender.id),
    readKeySet(deps.db),
    organisationsByIds(deps.db, [tender.purchaserOrgId]),
  ])
  const metas = allRecords.filter((meta) => maySeeRecord(tender, actor, meta))
  const verdicts = await recordVerdicts(deps.db, metas, keySet)
  const history = mayReadHistory(tender, actor) ? { version: tender.version } : null
  return {
    tender: view,
    purchaserName: purchaser.get(tender.purchaserOrgId)?.name ?? null,
    actions: actionsFor(tender, actor, view.allowedEvents as TenderEventType[]),
    history,
    records: metas.map((meta) => ({ ...meta, verdict: verdicts.get(meta.recordId)! })),
    oversight: isOversight(actor),
  }
}
