// The public view of a tender, read from its projection row and machine snapshot, and its schema.

import { Type } from 'typebox'
import { allowedEvents } from '../../state-machines/tender.allowed-events.ts'
import { isHeld } from '../../state-machines/tender.context.ts'
import type { TenderRow } from './tender-repository.ts'
import { restoreSnapshot } from './tender-snapshot.ts'

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

/** The view at server time `at` (ISO-8601): `allowedEvents` are the events the machine would accept then. */
export function tenderView(row: TenderRow, at: string) {
  const snapshot = restoreSnapshot(row.snapshot)
  const c = snapshot.context
  return {
    id: row.id,
    reference: c.particulars.reference,
    title: c.particulars.title,
    description: c.particulars.description,
    category: c.particulars.category,
    estimatedValueFen: c.particulars.estimatedValueFen,
    ceilingPriceFen: c.particulars.ceilingPriceFen,
    purchaserOrgId: row.purchaser_org_id,
    state: row.state,
    version: row.version,
    held: isHeld(c),
    suspended: c.suspended,
    pendingObjections: c.pendingObjections.length,
    rulePackId: c.rulePack?.id ?? null,
    publishedAt: c.publishedAt,
    deadline: c.deadline,
    evaluationMethod: c.evaluationMethod,
    awardMethod: c.awardMethod,
    awardFactors: [...c.awardFactors],
    bidCount: c.bidCount,
    bidSetHash: c.bidSetHash,
    publicityEndsAt: c.publicityEndsAt,
    candidates: [...c.candidates],
    winnerBidId: c.winnerBidId,
    noticeIssuedAt: c.noticeIssuedAt,
    contractDueAt: c.contractDueAt,
    failureReason: c.failureReason,
    cancelReason: c.cancelReason,
    allowedEvents: allowedEvents(snapshot, at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
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
