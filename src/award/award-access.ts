// Who may act in the award (定标) phase: the committee relation on top of roles. The chair (组长) runs
// the meeting's rounds; a re-vote, the decision and a failed award are the chair's or the purchaser's.

import type { AwardDecider } from '../../state-machines/tender.events.ts'
import { type Actor, hasRole } from '../auth/actor.ts'
import { Forbidden } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'

export function awardCommitteeOf(tender: Tender): readonly string[] {
  return tender.context.awardCommittee
}

function isCommitteeMember(tender: Tender, actor: Actor): boolean {
  return hasRole(actor, 'award_member') && awardCommitteeOf(tender).includes(actor.userId)
}

function isChair(tender: Tender, actor: Actor): boolean {
  return isCommitteeMember(tender, actor) && tender.context.awardChairId === actor.userId
}

function isOwnPurchaser(tender: Tender, actor: Actor): boolean {
  return hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId
}

/** An award member drawn onto this tender's award committee (its own 403 code: not a missing role). */
export function authorizeCommitteeMember(tender: Tender, actor: Actor): void {
  if (!isCommitteeMember(tender, actor)) {
    throw new Forbidden("only a member of this tender's award committee may do this", {}, 'not_on_committee')
  }
}

/** The chair of this tender's award committee: opens and closes the meeting's rounds. */
export function authorizeChair(tender: Tender, actor: Actor): void {
  if (!isChair(tender, actor)) {
    throw new Forbidden(
      "only the chair (组长) of this tender's award committee may do this",
      {},
      'not_the_chair',
    )
  }
}

/** In which capacity the actor may move the meeting on (re-vote, decide, fail), or a 403. */
export function deciderOf(tender: Tender, actor: Actor): AwardDecider {
  if (isChair(tender, actor)) return 'chair'
  if (isOwnPurchaser(tender, actor)) return 'purchaser'
  throw new Forbidden('only the chair of the award committee or the purchaser may do this')
}

export const authorizeChairOrPurchaser = (tender: Tender, actor: Actor): void => {
  deciderOf(tender, actor)
}

/** How a reader takes part in the award meeting: what the view offers them to do. */
export type AwardPart = 'chair' | 'member' | 'purchaser' | 'oversight'

/** The award meeting's readers: the own purchaser, oversight and the committee's members. */
export function awardPartOf(tender: Tender, actor: Actor): AwardPart {
  assertVisible(tender, actor)
  if (isChair(tender, actor)) return 'chair'
  if (isCommitteeMember(tender, actor)) return 'member'
  if (isOwnPurchaser(tender, actor)) return 'purchaser'
  if (isOversight(actor)) return 'oversight'
  throw new Forbidden('the award meeting is visible to the purchaser, oversight and the award committee')
}

export function authorizeAwardReader(tender: Tender, actor: Actor): void {
  awardPartOf(tender, actor)
}
