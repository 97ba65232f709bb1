// Credit in the award committee's candidate dossiers (定标资料): at FREEZE_DOSSIERS one snapshot per
// candidate, judged at the freeze (the credit the committee decides on), beside the opening snapshot
// judged at the tender's cut-off. Both are read back from snapshots by the ids the events recorded, so
// every member sees the same dossier and its hash stays checkable.
import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { readAwardingTerms } from '../tenders/tender-context-repository.ts'
import { type CreditSummary, creditSummaryOf, snapshotIdsOf } from './credit-summary.ts'
import { mapLimit } from './map-limit.ts'
import type { PreparedCredit } from './opening-credit.ts'
import { findSnapshots } from './snapshot-repository.ts'
import { type CreditDeps, takeSnapshot } from './take-snapshot.ts'
import { creditTermsOfPack } from './tender-credit-terms.ts'

export interface DossierCredit extends CreditSummary {
  /** The opening snapshot, judged at the tender's cut-off; null if the opening made none. */
  readonly atCutoff: CreditSummary | null
}

export type DossierCreditField = DossierCredit | { readonly status: 'not_checked'; readonly note: string }

/** Looks up every candidate before FREEZE_DOSSIERS' transaction; empty when the freeze cannot happen. */
export async function prepareDossierCredit(
  deps: CreditDeps,
  actor: Actor,
  tenderId: string,
): Promise<PreparedCredit> {
  const scene = await readAwardingTerms(deps.db, tenderId)
  if (scene?.state !== 'awarding' || scene.dossierHash !== null || !scene.committeeSize) return new Map()
  const { policy } = creditTermsOfPack(scene.rulePack)
  const judgedAt = deps.clock.now().toISOString()
  const snapshots = await mapLimit(scene.candidates ?? [], 8, async (bidId) => {
    const bid = scene.openedBids?.find((b) => b.bidId === bidId)
    if (!bid) throw new Error(`candidate ${bidId} is not among the opened bids`)
    const uscc = await deps.credit.organisationUscc(bid.bidderOrgId)
    const request = {
      purpose: 'dossier' as const,
      tenderId,
      bidId,
      requestedBy: actor.userId,
      requesterOrgId: actor.orgId,
      requestId: actor.requestId,
    }
    return takeSnapshot(deps, uscc, request, policy, judgedAt)
  })
  return new Map(snapshots.map((snapshot) => [snapshot.bidId ?? '', snapshot]))
}

/**
 * The credit field of each candidate's dossier, from the snapshots the OPEN and FREEZE_DOSSIERS events
 * reference (read inside the freezing transaction, they include the snapshots it has just stored).
 */
export async function dossierCredit(
  db: Kysely<Database>,
  openData: Record<string, unknown> | undefined,
  freezeIds: Record<string, string>,
): Promise<Map<string, DossierCreditField>> {
  const openIds = snapshotIdsOf(openData)
  const byId = await findSnapshots(db, [...Object.values(openIds), ...Object.values(freezeIds)])
  const fields = new Map<string, DossierCreditField>()
  for (const [bidId, id] of Object.entries(freezeIds)) {
    const snapshot = byId.get(id)
    if (!snapshot) continue
    const opening = openIds[bidId] ? byId.get(openIds[bidId]) : undefined
    fields.set(bidId, { ...creditSummaryOf(snapshot), atCutoff: opening ? creditSummaryOf(opening) : null })
  }
  return fields
}
