// The public view of a tender, read from its machine context, and its schema.

import { Type } from 'typebox'
import { allowedEvents } from '../../state-machines/tender.allowed-events.ts'
import { isHeld } from '../../state-machines/tender.context.ts'
import type { Tender } from './tender.ts'
import { machineSnapshotOf } from './tender-snapshot.ts'

/** The view at server time `at` (ISO-8601): `allowedEvents` are the events the machine would accept then. */
export function tenderView(tender: Tender, at: string) {
  const c = tender.context
  return {
    id: tender.id,
    reference: c.particulars.reference,
    title: c.particulars.title,
    description: c.particulars.description,
    category: c.particulars.category,
    estimatedValueFen: c.particulars.estimatedValueFen,
    ceilingPriceFen: c.particulars.ceilingPriceFen,
    purchaserOrgId: tender.purchaserOrgId,
    state: tender.state,
    version: tender.version,
    held: isHeld(c),
    suspended: c.suspended,
    pendingObjections: c.pendingObjections.length,
    rulePackId: c.rulePack?.id ?? null,
    publishedAt: c.publishedAt,
    deadline: c.deadline,
    evaluationMethod: c.evaluationMethod,
    awardMethod: c.awardMethod,
    awardFactors: [...c.awardFactors],
    /** 定标办法 as frozen at publish: the stages with their parameters and the tie-break policy. */
    award: c.awardDeclaration,
    bidCount: c.bidCount,
    bidSetHash: c.bidSetHash,
    publicityEndsAt: c.publicityEndsAt,
    candidates: [...c.candidates],
    winnerBidId: c.winnerBidId,
    noticeIssuedAt: c.noticeIssuedAt,
    contractDueAt: c.contractDueAt,
    failureReason: c.failureReason,
    cancelReason: c.cancelReason,
    allowedEvents: allowedEvents(machineSnapshotOf(tender), at),
    createdAt: tender.createdAt.toISOString(),
    updatedAt: tender.updatedAt.toISOString(),
  }
}

export const TenderViewSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    title: Type.String(),
    state: Type.String(),
    version: Type.Integer(),
    deadline: Type.Union([Type.String(), Type.Null()]),
    allowedEvents: Type.Array(Type.String()),
  },
  { additionalProperties: true, description: 'a tender as the public (and its purchaser) sees it' },
)
