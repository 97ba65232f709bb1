// Who may act in the award (定标) phase: the committee relation on top of roles.

import { type Actor, hasRole } from '../auth/actor.ts'
import { Forbidden } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'

export function awardCommitteeOf(tender: Tender): readonly string[] {
  return tender.context.awardCommittee
}

/** An award member drawn onto this tender's award committee (its own 403 code: not a missing role). */
export function authorizeCommitteeMember(tender: Tender, actor: Actor): void {
  if (!hasRole(actor, 'award_member') || !awardCommitteeOf(tender).includes(actor.userId)) {
    throw new Forbidden("only a member of this tender's award committee may do this", {}, 'not_on_committee')
  }
}

function isOwnPurchaser(tender: Tender, actor: Actor): boolean {
  return hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId
}

/** The award meeting's readers: the own purchaser, oversight and the committee's members. */
export function authorizeAwardReader(tender: Tender, actor: Actor): void {
  assertVisible(tender, actor)
  if (isOwnPurchaser(tender, actor) || isOversight(actor)) return
  if (hasRole(actor, 'award_member') && awardCommitteeOf(tender).includes(actor.userId)) return
  throw new Forbidden('the award meeting is visible to the purchaser, oversight and the award committee')
}
