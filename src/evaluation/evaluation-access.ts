// Who may act in and read an evaluation: the drawn experts act; the purchaser, oversight and the
// experts themselves read (法 Art 37 keeps expert names confidential until the result).
import { type Actor, hasRole, requireRole } from '../auth/actor.ts'
import { Forbidden } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'

function committeeOf(tender: Tender): readonly string[] {
  return tender.context.expertCommittee
}

function notOnCommittee(): Forbidden {
  return new Forbidden("you are not on this tender's evaluation committee", {}, 'not_on_committee')
}

/** An expert drawn for this very tender (checked against the committee the machine recorded). */
export function authorizeCommitteeExpert(tender: Tender, actor: Actor): void {
  requireRole(actor, 'expert')
  if (!committeeOf(tender).includes(actor.userId)) throw notOnCommittee()
}

/** How much of the evaluation a reader sees. */
export type EvaluationReader = 'oversight' | 'purchaser' | 'member'

export function evaluationReader(tender: Tender, actor: Actor): EvaluationReader {
  assertVisible(tender, actor)
  if (isOversight(actor)) return 'oversight'
  if (hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId) return 'purchaser'
  if (hasRole(actor, 'expert')) {
    if (committeeOf(tender).includes(actor.userId)) return 'member'
    throw notOnCommittee()
  }
  throw new Forbidden('the evaluation is open to its purchaser, oversight and the committee only')
}
