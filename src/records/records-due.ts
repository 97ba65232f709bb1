// Which signed records an accepted tender event calls for (DESIGN §6, 电子招标投标办法 Art 32, 34–36, 40):
// the opening record after OPEN, the evaluation report after SUBMIT_REPORT, the award report after
// DECIDE, the award notice and a notice to every other bidder after ISSUE_AWARD_NOTICE, and the replay
// certificate when the tender reaches a final state. Pure: the pipeline and replay both ask it.

import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'
import type { CertifiedEvent, RecordType } from '../../templates/pdf/record-kinds.ts'
import type { ChainedEvent } from '../events/hash-chain.ts'
import type { RecordRequest } from './record-types.ts'

const FINAL_STATES: readonly string[] = ['completed', 'failed', 'cancelled']

const AFTER_EVENT: Partial<Record<string, RecordType>> = {
  OPEN: 'opening_record',
  SUBMIT_REPORT: 'evaluation_report',
  DECIDE: 'award_report',
}

export function certifiedEventOf(event: ChainedEvent): CertifiedEvent {
  return {
    streamId: event.streamId,
    seq: event.seq,
    hash: event.hash,
    type: event.type,
    recordedAt: event.recordedAt,
  }
}

/**
 * The records `event` calls for, given the states before and after it and the context after it.
 * Notices: one award notice to the winner's organisation and one notice of the result to every other
 * organisation that bid (法 Art 45: 中标结果通知所有未中标的投标人), whatever became of its bid at opening.
 */
export function recordsCalledFor(
  event: ChainedEvent,
  before: TenderState,
  after: TenderState,
  context: Pick<TenderContext, 'tenderId' | 'openedBids' | 'winnerBidId'>,
): RecordRequest[] {
  const certified = certifiedEventOf(event)
  const request = (type: RecordType, recipientOrgId: string | null = null): RecordRequest => ({
    tenderId: context.tenderId,
    type,
    certified,
    recipientOrgId,
  })
  const due: RecordRequest[] = []
  const simple = AFTER_EVENT[event.type]
  if (simple) due.push(request(simple))
  if (event.type === 'ISSUE_AWARD_NOTICE') {
    const winnerOrg = context.openedBids.find((bid) => bid.bidId === context.winnerBidId)?.bidderOrgId
    if (winnerOrg) due.push(request('award_notice', winnerOrg))
    const others = new Set(context.openedBids.map((bid) => bid.bidderOrgId))
    if (winnerOrg) others.delete(winnerOrg)
    for (const orgId of [...others].sort()) due.push(request('unsuccessful_notice', orgId))
  }
  if (FINAL_STATES.includes(after) && !FINAL_STATES.includes(before)) due.push(request('replay_certificate'))
  return due
}
