// Everything the tender overview shows, read through the API's own functions: the tender view
// (assertVisible + tenderView, as GET /api/v1/tenders/:id), the history (readHistory, as GET
// /api/v1/tenders/:id/history, only for the readers it admits), the records open to the viewer
// (listTenderRecords + maySeeRecord) with their verdicts, and the names of who acted (two queries).
import type { Kysely } from 'kysely'
import type { TenderEventType } from '../../state-machines/tender.events.ts'
import { authorizeAuditReader, type HistoryEvent, readHistory } from '../audit/history.ts'
import { WITHHELD } from '../audit-log/withheld-identity.ts'
import type { Actor } from '../auth/actor.ts'
import { displayNames, organisationsByIds } from '../award/award-directory.ts'
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
import { recordVerdicts, type Verdict } from './record-verdicts.ts'

export interface OverviewRecord extends RecordMeta {
  readonly verdict: Verdict
}

export interface Overview {
  readonly tender: ReturnType<typeof tenderView>
  readonly purchaserName: string | null
  readonly actions: readonly Action[]
  /** Null: the history is not open to this viewer (as the history API answers 403). */
  readonly history: readonly HistoryEvent[] | null
  /** Who acted, by user id and by organisation id ("withheld" stays withheld). */
  readonly userNames: ReadonlyMap<string, string>
  readonly orgNames: ReadonlyMap<string, string>
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

const idsOf = (values: readonly unknown[]) =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== WITHHELD))].sort()

export async function readOverview(
  deps: { readonly db: Kysely<Database>; readonly clock: Clock },
  actor: Actor,
  tenderId: string,
): Promise<Overview> {
  const tender = await findTender(deps.db, tenderId)
  assertVisible(tender, actor)
  const view = tenderView(tender, deps.clock.now().toISOString())
  const history = mayReadHistory(tender, actor) ? (await readHistory(deps.db, actor, tender.id)).events : null
  const metas = (await listTenderRecords(deps.db, tender.id)).filter((meta) =>
    maySeeRecord(tender, actor, meta),
  )
  const verdicts = await recordVerdicts(deps.db, metas)
  const events = history ?? []
  const userNames = await displayNames(deps.db, idsOf(events.map((event) => event.actor.userId)))
  const orgs = await organisationsByIds(deps.db, [
    ...new Set([tender.purchaserOrgId, ...idsOf(events.map((event) => event.actor.orgId))]),
  ])
  const orgNames = new Map([...orgs].map(([id, org]) => [id, org.name]))
  return {
    tender: view,
    purchaserName: orgNames.get(tender.purchaserOrgId) ?? null,
    actions: actionsFor(tender, actor, view.allowedEvents as TenderEventType[]),
    history,
    userNames,
    orgNames,
    records: metas.map((meta) => ({ ...meta, verdict: verdicts.get(meta.recordId)! })),
    oversight: isOversight(actor),
  }
}
