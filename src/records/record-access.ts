// Who may read which signed record. Public (anyone, no token): the opening record (Art 32: published),
// the award notice (the result is published) and the replay certificate. Restricted: the evaluation
// report to the purchaser (and its agent), oversight, the evaluation committee and the award committee
// (which decides on it); the award report to the purchaser, oversight and the award committee; a
// notice to an unsuccessful bidder to that bidder, the purchaser and oversight. Drafts stay hidden.
import type { RecordType } from '../../templates/pdf/record-kinds.ts'
import { type Actor, hasRole } from '../auth/actor.ts'
import { Forbidden, Unauthenticated } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'

export const PUBLIC_RECORD_TYPES: readonly RecordType[] = [
  'opening_record',
  'award_notice',
  'replay_certificate',
]

interface RecordSubject {
  readonly type: RecordType
  readonly recipientOrgId: string | null
}

function isOwnPurchaser(tender: Tender, actor: Actor): boolean {
  return hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId
}

/** Whether `actor` (null: no token) may read the record; the tender must be visible to them too. */
export function maySeeRecord(tender: Tender, actor: Actor | null, record: RecordSubject): boolean {
  if (PUBLIC_RECORD_TYPES.includes(record.type)) return true
  if (actor === null) return false
  if (isOversight(actor) || isOwnPurchaser(tender, actor)) return true
  const { context } = tender
  const onAwardCommittee = hasRole(actor, 'award_member') && context.awardCommittee.includes(actor.userId)
  switch (record.type) {
    case 'evaluation_report':
      return (hasRole(actor, 'expert') && context.expertCommittee.includes(actor.userId)) || onAwardCommittee
    case 'award_report':
      return onAwardCommittee
    case 'unsuccessful_notice':
      return hasRole(actor, 'bidder') && actor.orgId === record.recipientOrgId
    default:
      return false
  }
}

/** 404 for a hidden draft's records, 401 without a token, 403 for someone else's record. */
export function authorizeRecordReader(tender: Tender, actor: Actor | null, record: RecordSubject): void {
  assertVisible(tender, actor)
  if (maySeeRecord(tender, actor, record)) return
  if (actor === null) throw new Unauthenticated(`a ${record.type} record needs a bearer token`)
  throw new Forbidden(`this ${record.type} record is not open to you`, {}, 'record_restricted')
}
