// The credit reads behind the API: a live query (stored as a manual_query snapshot), one snapshot, and
// a tender's declared credit terms with the snapshots its reader may see. Records read snapshots only.

import { type Actor, hasRole } from '../auth/actor.ts'
import { readStream } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { NotFound } from '../shared/errors.ts'
import { readCreditReadingTerms } from '../tenders/tender-context-repository.ts'
import { authorizeCreditQuery, canReadSnapshot } from './credit-access.ts'
import { creditEvidence } from './credit-evidence.ts'
import { DESCRIPTIVE_CREDIT_POLICY } from './credit-policy.ts'
import { type CreditSnapshot, snapshotIntact } from './credit-snapshot.ts'
import { findSnapshot, insertSnapshots, listTenderSnapshots } from './snapshot-repository.ts'
import { type CreditDeps, takeSnapshot } from './take-snapshot.ts'
import { creditTermsOfPack } from './tender-credit-terms.ts'
import { assertValidUscc } from './uscc-input.ts'

const ownUscc = (deps: CreditDeps, actor: Actor) =>
  deps.credit.organisationUscc(actor.orgId).catch(() => null)

/** GET credit/{uscc}: every source asked now, judged at `at` (default now), stored as evidence of the query. */
export async function queryCredit(
  deps: CreditDeps,
  actor: Actor,
  uscc: string,
  at?: string,
): Promise<CreditSnapshot> {
  assertValidUscc(uscc)
  authorizeCreditQuery(actor, uscc, await ownUscc(deps, actor))
  const request = {
    purpose: 'manual_query' as const,
    tenderId: null,
    bidId: null,
    requestedBy: actor.userId,
    requesterOrgId: actor.orgId,
    requestId: actor.requestId,
  }
  const judgedAt = new Date(at ?? deps.clock.now()).toISOString()
  const snapshot = await takeSnapshot(deps, uscc, request, DESCRIPTIVE_CREDIT_POLICY, judgedAt)
  await insertSnapshots(deps.db, [snapshot])
  return snapshot
}

const notFound = (what: string) => new NotFound(`${what} does not exist`)

export async function readCreditSnapshot(deps: CreditDeps, actor: Actor, id: string) {
  const snapshot = await findSnapshot(deps.db, id)
  if (!snapshot) throw notFound(`credit snapshot ${id}`)
  const tender = snapshot.tenderId ? await readCreditReadingTerms(deps.db, snapshot.tenderId) : null
  // Unreadable reads as absent: a snapshot's existence says who bid.
  if (!canReadSnapshot(actor, snapshot, tender, await ownUscc(deps, actor)))
    throw notFound(`credit snapshot ${id}`)
  return { ...snapshot, intact: snapshotIntact(snapshot) }
}

/** GET tenders/{id}/credit: the policy declared at PUBLISH, its cut-off, and the snapshots the reader may see. */
export async function readTenderCredit(deps: CreditDeps, actor: Actor, tenderId: string) {
  const tender = await readCreditReadingTerms(deps.db, tenderId)
  const oversight = hasRole(actor, 'supervisor', 'auditor', 'operator')
  if (!tender || (tender.state === 'draft' && !oversight && actor.orgId !== tender.purchaserOrgId))
    throw notFound(`tender ${tenderId}`)
  const terms = creditTermsOfPack(tender.rulePack)
  const own = await ownUscc(deps, actor)
  const snapshots = (await listTenderSnapshots(deps.db, tenderId)).filter((s) =>
    canReadSnapshot(actor, s, tender, own),
  )
  const byDeadline = terms.policy.cutoff.value === 'bidDeadline'
  const evidence = await creditEvidence(deps.db, await readStream(deps.db, tenderStreamId(tenderId)))
  return {
    tenderId,
    declared: terms.declared,
    rulePack: terms.rulePackId === null ? null : { id: terms.rulePackId, version: terms.rulePackVersion },
    policy: terms.policy,
    cutoff: {
      rule: terms.policy.cutoff.value,
      at: byDeadline ? tender.deadline : null,
      description: byDeadline
        ? 'records in force at the bid deadline count'
        : 'records in force at the moment of each submission count',
    },
    snapshots: snapshots.map((s) => ({ ...s, intact: snapshotIntact(s) })),
    // The snapshots the tender's events reference (OPEN, FREEZE_DOSSIERS): all there, none changed.
    evidence: {
      ok: evidence.ok,
      referenced: evidence.snapshots.length + evidence.missing.length,
      missing: evidence.missing,
      altered: evidence.altered,
    },
  }
}
