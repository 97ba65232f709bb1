// Guards of the award (定标) phases: committee, dossiers, ballots, decision, notice, decline, contract.
import type { AwardRound, MeetingOutcome } from './award-methods/award-method.ts'
import { awardMethodRules } from './award-methods/registry.ts'
import { areDistinctIds, hasText } from './checks.ts'
import { firstRefusal, malformed, type Refusal, unless, type Verdict } from './refusal.ts'
import { revoteLimit, tieBreakOf } from './rule-pack.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import { committeeSizeRule } from './tender-committee.rules.ts'
import { noRulePack } from './tender-common.guards.ts'

/** The award meeting as the award methods see it. */
export function awardMeeting(context: TenderContext): AwardRound {
  return {
    members: context.awardCommittee,
    round: context.round,
    ballots: context.ballots,
    activeCandidates: context.activeCandidates,
    maxRevotes: revoteLimit(context.rulePack).value,
    tieBreak: tieBreakOf(context.rulePack)?.value ?? null,
    pricesFen: Object.fromEntries(context.openedBids.map((bid) => [bid.bidId, bid.priceFen])),
  }
}

/** Where the meeting stands under the published method; undecidable without one. */
export function meetingOutcome(context: TenderContext): MeetingOutcome {
  if (context.awardMethod === null) return { kind: 'undecidable' }
  return awardMethodRules(context.awardMethod).outcome(awardMeeting(context))
}

/** Candidates still eligible: the evaluation's candidates minus every winner who declined. */
export function remainingCandidates(context: TenderContext, alsoDeclined: string | null = null): string[] {
  return context.candidates.filter(
    (bidId) => bidId !== alsoDeclined && !context.declinedBidIds.includes(bidId),
  )
}

// The `…Now` preconditions: the part of each guard that depends on the context only ("available now",
// for allowedEvents). The machine's guard is precondition, then the guard below (tender.event-guard.ts).

const COMMITTEE_SOURCE =
  'REGULATIONS §5.1 (local 评定分离 practice): the award committee is drawn once, its chair among its members'
const DOSSIER_SOURCE = 'REGULATIONS §5: the committee votes on dossiers frozen before the vote'
const BALLOT_SOURCE =
  'REGULATIONS §5.2: one secret ballot (票决) per member and round, for a candidate in the vote'
export function canFormAwardCommitteeNow(context: TenderContext): Verdict {
  if (context.rulePack === null) return noRulePack()
  return unless(context.awardCommittee.length === 0, () => ({
    code: 'committee_already_formed',
    message: 'the award committee is already formed',
    rule: 'oneAwardCommittee',
    limit: 1,
    source: COMMITTEE_SOURCE,
  }))
}

function dossiersNotFrozen(): Refusal {
  return {
    code: 'dossiers_not_frozen',
    message: 'the dossiers must be frozen before anyone votes',
    rule: 'frozenDossiers',
    limit: 'FREEZE_DOSSIERS',
    source: DOSSIER_SOURCE,
    conflict: true,
  }
}

export function canFreezeDossiersNow(context: TenderContext): Verdict {
  if (context.awardCommittee.length === 0) {
    return {
      code: 'committee_not_formed',
      message: 'form the award committee before freezing its dossiers',
      rule: 'committeeFirst',
      limit: 'FORM_AWARD_COMMITTEE',
      source: DOSSIER_SOURCE,
    }
  }
  return unless(context.dossierHash === null, () => ({
    code: 'dossiers_already_frozen',
    message: 'the dossiers are already frozen',
    rule: 'frozenDossiers',
    limit: 1,
    source: DOSSIER_SOURCE,
    conflict: true,
  }))
}

const hasVoted = (context: TenderContext, memberId: string) =>
  context.ballots.some((b) => b.round === context.round && b.memberId === memberId)

function alreadyVoted(context: TenderContext): Refusal {
  return {
    code: 'already_voted',
    message: `you have already voted in round ${context.round}`,
    rule: 'oneBallotPerRound',
    limit: 1,
    source: BALLOT_SOURCE,
    field: 'memberId',
    details: { round: context.round },
    conflict: true,
  }
}

/** Dossiers frozen, a candidate to vote for, and a member who has not voted this round. */
export function canCastBallotNow(context: TenderContext): Verdict {
  if (context.dossierHash === null) return dossiersNotFrozen()
  if (context.activeCandidates.length === 0) return notActive(context)
  // Only committee members may vote, so when every member has voted the sender has too.
  return unless(
    context.awardCommittee.some((memberId) => !hasVoted(context, memberId)),
    () => alreadyVoted(context),
  )
}

function chairOnCommittee(event: EventOf<'FORM_AWARD_COMMITTEE'>): Verdict {
  return unless(event.members.includes(event.chairId), () => ({
    code: 'chair_not_on_committee',
    message: 'the chair must be one of the drawn members',
    rule: 'chairAmongMembers',
    limit: 'a drawn member',
    source: COMMITTEE_SOURCE,
    field: 'chairId',
  }))
}

export function canFormAwardCommittee(
  context: TenderContext,
  event: EventOf<'FORM_AWARD_COMMITTEE'>,
): Verdict {
  const pack = context.rulePack
  if (pack === null) return noRulePack()
  return firstRefusal(
    () => canFormAwardCommitteeNow(context),
    () => unless(areDistinctIds(event.members), () => malformed('members', 'distinct, non-blank ids')),
    () =>
      committeeSizeRule(
        'invalid_committee_size',
        'awardCommittee',
        pack.awardCommittee,
        event.members.length,
      ),
    () => chairOnCommittee(event),
  )
}

export function canFreezeDossiers(context: TenderContext, event: EventOf<'FREEZE_DOSSIERS'>): Verdict {
  return (
    canFreezeDossiersNow(context) ??
    unless(hasText(event.dossierHash), () => malformed('dossierHash', 'a non-blank hash'))
  )
}

function notActive(context: TenderContext): Refusal {
  return {
    code: 'not_an_active_candidate',
    message: 'the ballot must name a candidate still in the vote',
    rule: 'activeCandidate',
    limit: context.activeCandidates.join(', '),
    source: BALLOT_SOURCE,
    field: 'candidateBidId',
    details: { activeCandidates: context.activeCandidates },
  }
}

export function canCastBallot(context: TenderContext, event: EventOf<'CAST_BALLOT'>): Verdict {
  const { memberId } = event
  return firstRefusal(
    () => unless(context.dossierHash !== null, dossiersNotFrozen),
    () =>
      unless(context.awardCommittee.includes(memberId), () => malformed('memberId', 'a committee member')),
    () => unless(!hasVoted(context, memberId), () => alreadyVoted(context)),
    () => unless(context.activeCandidates.includes(event.candidateBidId), () => notActive(context)),
    () => unless(hasText(event.reason), () => malformed('reason', 'a non-blank reason')),
  )
}
