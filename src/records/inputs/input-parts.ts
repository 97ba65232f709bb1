// Pieces several records share: the tender's particulars, a recorded draw, scores as text and the
// candidate list. Pure.
import type { TenderContext } from '../../../state-machines/tender.context.ts'
import type {
  CandidateInput,
  DrawInput,
  ScoreSummaryInput,
  TenderIdentity,
  TenderParticularsInput,
} from '../../../templates/pdf/record-input.ts'
import { summariseScores } from '../../evaluation/evaluation-record.ts'
import type { StoredEvent } from '../../events/event-store.ts'
import type { RecordDirectory } from './record-directory.ts'

export function identityOf(context: TenderContext): TenderIdentity {
  const { title, reference } = context.particulars
  return { tenderId: context.tenderId, title, reference }
}

export function particularsOf(context: TenderContext, directory: RecordDirectory): TenderParticularsInput {
  const pack = context.rulePack
  return {
    purchaserOrgId: context.purchaserOrgId,
    purchaserName: directory.party(context.purchaserOrgId).name,
    category: context.particulars.category,
    estimatedValueFen: context.particulars.estimatedValueFen,
    ceilingPriceFen: context.particulars.ceilingPriceFen,
    rulePack: pack === null ? null : { id: pack.id, version: pack.version, name: pack.name },
    evaluationMethod: context.evaluationMethod,
    awardMethod: context.awardMethod,
    awardFactors: [...context.awardFactors],
    deadline: context.deadline,
    publishedAt: context.publishedAt,
  }
}

/** A draw as its event recorded it (DRAW_EXPERTS or FORM_AWARD_COMMITTEE). */
export function drawOf(event: StoredEvent | undefined): DrawInput | null {
  if (event === undefined) return null
  const draw = event.data.draw as { pool: string[]; secretCommitment: string; secret: string; seed: string }
  return {
    seq: event.seq,
    drawnAt: event.recordedAt,
    poolSize: draw.pool.length,
    pool: [...draw.pool].sort(),
    secretCommitment: draw.secretCommitment,
    secret: draw.secret,
    seed: draw.seed,
    streamHeadHash: event.prevHash,
  }
}

/** A score (a multiple of 0.01) as text with two decimals, worked out in whole hundredths. */
export function scoreText(score: number): string {
  const hundredths = Math.round(Math.abs(score) * 100)
  const sign = score < 0 && hundredths > 0 ? '-' : ''
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

export function scoreSummaryOf(context: TenderContext, bidId: string): ScoreSummaryInput {
  const summary = summariseScores(context.scores.filter((s) => s.bidId === bidId).map((s) => s.score))
  return {
    count: summary.count,
    mean: summary.mean,
    min: summary.min === null ? null : scoreText(summary.min),
    max: summary.max === null ? null : scoreText(summary.max),
  }
}

/** The evaluation's candidates (定标候选人), ranked when the rule pack ranks them. */
export function candidatesOf(context: TenderContext, directory: RecordDirectory): CandidateInput[] {
  const ranked = context.rulePack?.candidates.ranked ?? false
  return context.candidates.map((bidId, index) => {
    const bid = context.openedBids.find((b) => b.bidId === bidId)
    return {
      rank: ranked ? index + 1 : null,
      bidId,
      bidder: directory.party(bid?.bidderOrgId ?? ''),
      priceFen: bid?.priceFen ?? null,
      meanScore: scoreSummaryOf(context, bidId).mean,
    }
  })
}

/** The last event of a type, or undefined. */
export function lastOf(events: readonly StoredEvent[], type: string): StoredEvent | undefined {
  return events.findLast((event) => event.type === type)
}

/** The acting user recorded in an event's meta, if any. */
export function actingUserId(event: StoredEvent): string | null {
  return typeof event.meta.userId === 'string' ? event.meta.userId : null
}

/**
 * The credit snapshots the events refer to, by event and then in `bidOrder`: `creditSnapshotIds` as a
 * map of bid id to snapshot id (OPEN, FREEZE_DOSSIERS) or a list, and `creditSnapshotId` beside a `bidId`.
 */
export function creditSnapshotRefs(
  events: readonly StoredEvent[],
  bidOrder: (bidId: string | null) => number = () => 0,
): { snapshotId: string; seq: number; eventType: string; bidId: string | null }[] {
  const refs: { snapshotId: string; seq: number; eventType: string; bidId: string | null }[] = []
  const seen = new Set<string>()
  const add = (event: StoredEvent, snapshotId: unknown, bidId: unknown) => {
    if (typeof snapshotId !== 'string' || seen.has(snapshotId)) return
    seen.add(snapshotId)
    refs.push({
      snapshotId,
      seq: event.seq,
      eventType: event.type,
      bidId: typeof bidId === 'string' ? bidId : null,
    })
  }
  for (const event of events) {
    const { creditSnapshotIds: ids, creditSnapshotId: id, bidId } = event.data
    if (Array.isArray(ids)) for (const snapshotId of ids) add(event, snapshotId, null)
    else if (typeof ids === 'object' && ids !== null) {
      for (const [bid, snapshotId] of Object.entries(ids)) add(event, snapshotId, bid)
    }
    add(event, id, bidId)
  }
  return refs.sort((x, y) => x.seq - y.seq || bidOrder(x.bidId) - bidOrder(y.bidId))
}
