// What the award meeting needs next, in plain words, from whom, and with the rule that decides it: the
// award view shows it, and the meeting's refusals quote it, so nobody at the meeting is left guessing.
import type { MeetingOutcome } from '../../state-machines/award-methods/award-method.ts'
import { absentMembers, holdsSitting, roundStatusOf, yetToVote } from '../../state-machines/award-sitting.ts'
import { awardQuorumOf, type Confidence, revoteLimit, tieBreakOf } from '../../state-machines/rule-pack.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import { meetingOutcome } from '../../state-machines/tender-award.guards.ts'
import { quorumRefusal } from '../../state-machines/tender-award-sitting.guards.ts'

export const NEXT_AWARD_ACTIONS = [
  'FORM_AWARD_COMMITTEE',
  'FREEZE_DOSSIERS',
  'CHECK_IN',
  'OPEN_ROUND',
  'CAST_BALLOT',
  'CLOSE_ROUND',
  'START_REVOTE',
  'DECIDE',
  'FAIL_AWARD',
  'CANCEL',
] as const
export type NextAwardAction = (typeof NEXT_AWARD_ACTIONS)[number]

/** Who takes the next step: the committee's members, its chair, the purchaser, or either of the two. */
export const NEXT_AWARD_ACTORS = ['members', 'chair', 'purchaser', 'chairOrPurchaser'] as const
export type NextAwardActor = (typeof NEXT_AWARD_ACTORS)[number]

/** A rule as a refusal or the view names it: which, its number if any, and the text it comes from. */
export interface CitedAwardRule {
  readonly rule: string
  readonly limit?: number
  readonly source: string
  readonly confidence: Confidence
}

export interface NextAwardStep extends Partial<CitedAwardRule> {
  readonly action: NextAwardAction
  readonly by: NextAwardActor
  /** Where the meeting stands and what to do, in plain words. */
  readonly says: string
  readonly winner?: string
  /** The tied candidates (a re-vote's, the tie-break's, or those it could not separate). */
  readonly tied?: readonly string[]
  readonly waitingFor?: readonly string[]
}

/** maxRevotes with its source. */
export function revoteRule(context: TenderContext): CitedAwardRule {
  const { value, source, confidence } = revoteLimit(context.rulePack)
  return { rule: 'maxRevotes', limit: value, source, confidence }
}

const NO_TIE_BREAK = 'none declared: the rule pack was published before tie-breaks existed'

/** The declared tie-break with its source, or a note that the tender declares none. */
export function tieBreakRule(context: TenderContext): CitedAwardRule {
  const declared = tieBreakOf(context.rulePack)
  if (declared === null) return { rule: 'tieBreak', source: NO_TIE_BREAK, confidence: 'U' }
  return { rule: `tieBreak.${declared.value}`, source: declared.source, confidence: declared.confidence }
}

const list = (bidIds: readonly string[]) => bidIds.join(', ')

function spent(context: TenderContext, tied: readonly string[]): string {
  const revotes = revoteRule(context)
  return (
    `round ${context.round} is still tied between ${list(tied)} and the ${revotes.limit} permitted ` +
    `re-votes are spent (maxRevotes: ${revotes.source})`
  )
}

function decidedStep(
  context: TenderContext,
  outcome: Extract<MeetingOutcome, { kind: 'decided' }>,
): NextAwardStep {
  const { winner, tied } = outcome
  const record = `the chair or the purchaser records the decision (DECIDE) for ${winner}, with reasons`
  const by = 'chairOrPurchaser'
  if (outcome.by === 'votes') {
    const says = `${winner} has the most votes in round ${context.round}: ${record}`
    return { action: 'DECIDE', by, winner, rule: 'simpleMajority', says }
  }
  const rule = tieBreakRule(context)
  const says = `${spent(context, tied)}, so ${rule.rule} decides (${rule.source}): ${winner} bid the lowest price; ${record}`
  return { action: 'DECIDE', by, winner, tied, ...rule, says }
}

function deadlockedStep(context: TenderContext, tied: readonly string[]): NextAwardStep {
  const rule = tieBreakRule(context)
  const why =
    tieBreakOf(context.rulePack) === null
      ? 'this tender declares no tie-break, and no undeclared rule may pick the winner'
      : `${list(tied)} bid the same lowest price, so ${rule.rule} cannot separate them (${rule.source})`
  const says =
    `${spent(context, tied)}; ${why}. The award fails: the chair or the purchaser declares it failed ` +
    '(FAIL_AWARD) and the purchaser re-tenders (重新招标)'
  return { action: 'FAIL_AWARD', by: 'chairOrPurchaser', tied, ...rule, says }
}

function stepOf(context: TenderContext, outcome: MeetingOutcome): NextAwardStep {
  switch (outcome.kind) {
    case 'voting': {
      const says = `round ${context.round} waits for ${outcome.waitingFor.length} more ballot(s) from the committee`
      return { action: 'CAST_BALLOT', by: 'members', waitingFor: outcome.waitingFor, says }
    }
    case 'revote': {
      const rule = revoteRule(context)
      const says =
        `round ${context.round} is tied between ${list(outcome.tied)}: the chair or the purchaser starts ` +
        `re-vote ${context.round} of ${rule.limit} among them (START_REVOTE; maxRevotes: ${rule.source}), ` +
        `then the chair opens round ${context.round + 1}`
      return { action: 'START_REVOTE', by: 'chairOrPurchaser', tied: outcome.tied, ...rule, says }
    }
    case 'decided':
      return decidedStep(context, outcome)
    case 'deadlocked':
      return deadlockedStep(context, outcome.tied)
    case 'undecidable':
      return {
        action: 'CANCEL',
        by: 'purchaser',
        says:
          `the award method ${context.awardMethod} is not implemented on this platform, so no winner ` +
          'can be designated: the purchaser cancels the tender (终止招标) and re-tenders',
      }
  }
}

/**
 * Before a round opens: every drawn member checks in or recuses, then the chair opens it once the
 * quorum is present. A quorum short of recusals (or a recused chair) cannot be met until replacement
 * draws exist (issue 15): the purchaser may only cancel.
 */
function beforeTheRound(context: TenderContext): NextAwardStep {
  const refusal = quorumRefusal(context)
  const absent = absentMembers(context)
  const { value, source, confidence } = awardQuorumOf(context.rulePack)!
  const cited = { rule: 'awardQuorum', limit: value, source, confidence }
  if (refusal === null) {
    const says = `the quorum is present: the chair opens round ${context.round} (OPEN_ROUND)`
    return { action: 'OPEN_ROUND', by: 'chair', ...cited, says }
  }
  if (absent.length > 0) {
    const says =
      `${absent.length} drawn member(s) have not checked in: each declares no conflict of interest and ` +
      'checks in (CHECK_IN, 签到), or recuses (RECUSE, 回避)'
    return { action: 'CHECK_IN', by: 'members', waitingFor: absent, ...cited, says }
  }
  const says =
    `${refusal.message}: replacement draws are not available yet, so the meeting cannot go on; the ` +
    'purchaser cancels the tender (终止招标) and re-tenders'
  return { action: 'CANCEL', by: 'purchaser', ...cited, says }
}

/** The next step of an award meeting in progress; null outside 'awarding'. */
export function nextAwardStep(state: string, context: TenderContext): NextAwardStep | null {
  if (state !== 'awarding') return null
  if (context.awardCommittee.length === 0) {
    const says = 'the purchaser draws the award committee (定标委员会)'
    return { action: 'FORM_AWARD_COMMITTEE', by: 'purchaser', says }
  }
  if (context.dossierHash === null) {
    const says = 'the purchaser freezes the candidate dossiers (定标资料)'
    return { action: 'FREEZE_DOSSIERS', by: 'purchaser', says }
  }
  const status = roundStatusOf(context)
  if (holdsSitting(context) && status === 'pending') return beforeTheRound(context)
  if (holdsSitting(context) && status === 'open' && yetToVote(context).length === 0) {
    const says = `every member present has voted in round ${context.round}: the chair closes it and the tally is revealed (CLOSE_ROUND)`
    return { action: 'CLOSE_ROUND', by: 'chair', says }
  }
  return stepOf(context, meetingOutcome(context))
}
