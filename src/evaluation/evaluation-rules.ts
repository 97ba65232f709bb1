// Pre-checks of the evaluation commands that name the rule behind a refusal. The machine's guards stay
// the authority (they run again in the pipeline); these only turn a bare 422 into a code a client can act on.
import type { RulePack } from '../../state-machines/rule-pack.ts'
import { allowedEvents } from '../../state-machines/tender.allowed-events.ts'
import { isHeld, type TenderContext, validBidIds } from '../../state-machines/tender.context.ts'
import type { TenderEventType } from '../../state-machines/tender.events.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { Conflict, RuleViolation } from '../shared/errors.ts'
import { assertStateTakes, type TenderSnapshot } from '../tenders/tender-command.ts'

/**
 * The pipeline's 409, raised early so a command does no work (a draw, a query) for a state that cannot
 * take its event, and so the specific checks below only ever run in the right phase.
 */
export function assertAccepts(snapshot: TenderSnapshot, type: TenderEventType, at: Date): TenderContext {
  assertStateTakes(snapshot, type, at.toISOString())
  const state = tenderStateOf(snapshot)
  const allowed = allowedEvents(snapshot, at.toISOString())
  const context = snapshot.context
  if (isHeld(context)) {
    const pending = context.pendingObjections.length > 0
    throw new RuleViolation(
      pending ? 'an objection is pending: the procedure waits for its answer' : 'the tender is suspended',
      { state, allowed },
      pending ? 'objection_pending' : 'tender_suspended',
    )
  }
  return context
}

/** The requested committee size, or the smallest the pack allows (法 Art 37: ≥5 and odd). */
export function committeeSize(pack: RulePack, requested: number | undefined): number {
  const { minSize, odd } = pack.evaluationCommittee
  if (requested === undefined) return odd && minSize.value % 2 === 0 ? minSize.value + 1 : minSize.value
  if (requested < minSize.value || (odd && requested % 2 === 0)) {
    throw new RuleViolation(
      `the committee needs ${minSize.value} or more members${odd ? ', an odd number' : ''} (${minSize.source})`,
      { minSize: minSize.value, odd },
      'committee_size_not_allowed',
    )
  }
  return requested
}

export function assertNoCommitteeYet(context: TenderContext): void {
  if (context.expertCommittee.length > 0) {
    throw new Conflict('the evaluation committee has already been drawn', {}, 'committee_already_drawn')
  }
}

export function assertMayDeclare(context: TenderContext, expertId: string): void {
  if (context.declaredExperts.includes(expertId)) {
    throw new Conflict('you have already declared no conflict of interest', {}, 'already_declared')
  }
}

function assertDeclared(context: TenderContext, expertId: string): void {
  if (!context.declaredExperts.includes(expertId)) {
    throw new RuleViolation(
      'declare no conflict of interest before evaluating (回避声明)',
      {},
      'declaration_required',
    )
  }
}

/** 否决投标 belongs to the preliminary review: only before anyone scores, once per opened bid. */
export function assertMayReject(context: TenderContext, expertId: string, bidId: string): void {
  assertDeclared(context, expertId)
  if (!context.openedBids.some((bid) => bid.bidId === bidId && bid.outcome === 'opened')) {
    throw new RuleViolation(`bid ${bidId} is not an opened bid of this tender`, {}, 'bid_not_opened')
  }
  if (context.rejectedBids.some((bid) => bid.bidId === bidId)) {
    throw new Conflict(`bid ${bidId} has already been rejected`, {}, 'already_rejected')
  }
  if (context.scoredExperts.length > 0) {
    throw new RuleViolation(
      'rejections close once scoring has begun, so every score covers the same bids',
      {},
      'rejections_closed',
    )
  }
}

export function assertMayScore(context: TenderContext, expertId: string, bidIds: readonly string[]): void {
  assertDeclared(context, expertId)
  if (context.scoredExperts.includes(expertId)) {
    throw new Conflict('you have already submitted your scores', {}, 'already_scored')
  }
  const valid = validBidIds(context)
  const given = new Set(bidIds)
  if (given.size !== bidIds.length || given.size !== valid.length || !valid.every((id) => given.has(id))) {
    throw new RuleViolation(
      'score every valid bid exactly once (opened and not rejected)',
      { validBidIds: valid },
      'scores_must_cover_valid_bids',
    )
  }
}

export interface ReportDraft {
  readonly candidates: readonly string[]
  readonly dissent: readonly { expertId: string }[]
}

export function assertMayReport(context: TenderContext, report: ReportDraft): void {
  const { expertCommittee, declaredExperts, scoredExperts } = context
  const missingDeclarations = expertCommittee.filter((id) => !declaredExperts.includes(id))
  const missingScores = expertCommittee.filter((id) => !scoredExperts.includes(id))
  if (missingDeclarations.length > 0 || missingScores.length > 0) {
    throw new RuleViolation(
      'every committee member must declare and score before the report',
      { missingDeclarations, missingScores },
      'committee_not_finished',
    )
  }
  assertCandidates(context, report.candidates)
  const outsider = report.dissent.find((d) => !expertCommittee.includes(d.expertId))
  if (outsider) {
    throw new RuleViolation(`${outsider.expertId} is not on the committee`, {}, 'dissent_not_member')
  }
}

/** Candidates are valid bids, within the pack's count; none at all means every bid failed (法 Art 42). */
function assertCandidates(context: TenderContext, candidates: readonly string[]): void {
  const valid = validBidIds(context)
  const invalid = candidates.filter((id) => !valid.includes(id))
  if (invalid.length > 0) {
    throw new RuleViolation(
      'candidates must be valid bids',
      { invalid, validBidIds: valid },
      'candidate_not_valid',
    )
  }
  const range = context.rulePack?.candidates
  if (candidates.length === 0 || range === undefined) return
  const max = Math.min(range.max.value, valid.length)
  if (candidates.length < range.min.value || candidates.length > max) {
    throw new RuleViolation(
      `name between ${range.min.value} and ${max} candidates (${range.max.source})`,
      { min: range.min.value, max },
      'candidate_count_out_of_range',
    )
  }
}

/** Publicity ends at its end time (条例 Art 54: ≥3 days), never early. */
export function assertPublicityOver(context: TenderContext, at: Date): void {
  const endsAt = context.publicityEndsAt
  if (endsAt === null || at.getTime() < Date.parse(endsAt)) {
    throw new RuleViolation(
      `the publicity period runs until ${endsAt}`,
      { publicityEndsAt: endsAt },
      'publicity_not_over',
    )
  }
}
