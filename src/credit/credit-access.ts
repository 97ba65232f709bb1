// Who may see credit data. Purchasers, agents and oversight may query any code; a bidder only its own
// organisation's. Experts and award members query nothing directly: they see credit through their
// tender (the evaluation view's flags, the candidate dossiers). A snapshot of a bid submission names a
// bidder, so its tender's purchaser sees it only once the bids are opened (names stay hidden before).
import { type Actor, hasRole } from '../auth/actor.ts'
import { Forbidden } from '../shared/errors.ts'
import type { CreditSnapshot } from './credit-snapshot.ts'

export function authorizeCreditQuery(actor: Actor, uscc: string, ownUscc: string | null): void {
  if (hasRole(actor, 'purchaser', 'agent', 'supervisor', 'auditor', 'operator')) return
  if (hasRole(actor, 'bidder') && ownUscc === uscc) return
  if (hasRole(actor, 'bidder')) {
    throw new Forbidden("a bidder may query its own organisation's credit only", {}, 'credit_not_own')
  }
  throw new Forbidden(
    "experts and award members see credit through their tender: the evaluation view's flags and the candidate dossiers",
    {},
    'credit_via_tender',
  )
}

/** What a snapshot reader knows about the snapshot's tender, if it has one. */
export interface SnapshotTender {
  readonly purchaserOrgId: string
  readonly opened: boolean
  readonly expertCommittee: readonly string[]
  readonly awardCommittee: readonly string[]
}

export function canReadSnapshot(
  actor: Actor,
  snapshot: CreditSnapshot,
  tender: SnapshotTender | null,
  ownUscc: string | null,
): boolean {
  if (hasRole(actor, 'supervisor', 'auditor', 'operator')) return true
  if (snapshot.requesterOrgId === actor.orgId && snapshot.purpose === 'manual_query') return true
  if (hasRole(actor, 'bidder') && ownUscc === snapshot.uscc) return true
  if (!tender) return false
  const afterOpening = tender.opened && snapshot.purpose !== 'manual_query'
  if (hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId) return afterOpening
  if (hasRole(actor, 'expert') && tender.expertCommittee.includes(actor.userId))
    return afterOpening && snapshot.purpose === 'opening'
  if (hasRole(actor, 'award_member') && tender.awardCommittee.includes(actor.userId))
    return snapshot.purpose === 'dossier' || (afterOpening && snapshot.purpose === 'opening')
  return false
}
