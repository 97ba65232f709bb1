// What the award meeting needs next, in plain words and with the rule that decides it: the award view
// shows it, and the re-vote and decision refusals quote it, so the purchaser is never left guessing.
import type { MeetingOutcome } from '../../state-machines/award-methods/award-method.ts'
import { type Confidence, revoteLimit, tieBreakOf } from '../../state-machines/rule-pack.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import { meetingOutcome } from '../../state-machines/tender-award.guards.ts'

export type NextAwardAction =
  | 'FORM_AWARD_COMMITTEE'
  | 'FREEZE_DOSSIERS'
  | 'CAST_BALLOT'
  | 'START_REVOTE'
  | 'DECIDE'
  | 'FAIL_AWARD'
  | 'CANCEL'

/** A rule as a refusal or the view names it: which, its number if any, and the text it comes from. */
export interface CitedAwardRule {
  readonly rule: string
  readonly limit?: number
  readonly source: string
  readonly confidence: Confidence
}

export interface NextAwardStep extends Partial<CitedAwardRule> {
  readonly action: NextAwardAction
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
  const record = `the purchaser records the decision (DECIDE) for ${winner}`
  if (outcome.by === 'votes') {
    const says = `${winner} has the most votes in round ${context.round}: ${record}`
    return { action: 'DECIDE', winner, rule: 'simpleMajority', says }
  }
  const rule = tieBreakRule(context)
  const says = `${spent(context, tied)}, so ${rule.rule} decides (${rule.source}): ${winner} bid the lowest price; ${record}`
  return { action: 'DECIDE', winner, tied, ...rule, says }
}

function deadlockedStep(context: TenderContext, tied: readonly string[]): NextAwardStep {
  const rule = tieBreakRule(context)
  const why =
    tieBreakOf(context.rulePack) === null
      ? 'this tender declares no tie-break, and no undeclared rule may pick the winner'
      : `${list(tied)} bid the same lowest price, so ${rule.rule} cannot separate them (${rule.source})`
  const says =
    `${spent(context, tied)}; ${why}. The award fails: the purchaser declares it failed (FAIL_AWARD) ` +
    'and re-tenders (重新招标)'
  return { action: 'FAIL_AWARD', tied, ...rule, says }
}

function stepOf(context: TenderContext, outcome: MeetingOutcome): NextAwardStep {
  switch (outcome.kind) {
    case 'voting': {
      const says = `round ${context.round} waits for ${outcome.waitingFor.length} more ballot(s) from the committee`
      return { action: 'CAST_BALLOT', waitingFor: outcome.waitingFor, says }
    }
    case 'revote': {
      const rule = revoteRule(context)
      const says =
        `round ${context.round} is tied between ${list(outcome.tied)}: the purchaser starts re-vote ` +
        `${context.round} of ${rule.limit} among them (START_REVOTE; maxRevotes: ${rule.source})`
      return { action: 'START_REVOTE', tied: outcome.tied, ...rule, says }
    }
    case 'decided':
      return decidedStep(context, outcome)
    case 'deadlocked':
      return deadlockedStep(context, outcome.tied)
    case 'undecidable':
      return {
        action: 'CANCEL',
        says:
          `the award method ${context.awardMethod} is not implemented on this platform, so no winner ` +
          'can be designated: the purchaser cancels the tender (终止招标) and re-tenders',
      }
  }
}

/** The next step of an award meeting in progress; null outside 'awarding'. */
export function nextAwardStep(state: string, context: TenderContext): NextAwardStep | null {
  if (state !== 'awarding') return null
  if (context.awardCommittee.length === 0) {
    return { action: 'FORM_AWARD_COMMITTEE', says: 'the purchaser draws the award committee (定标委员会)' }
  }
  if (context.dossierHash === null) {
    return { action: 'FREEZE_DOSSIERS', says: 'the purchaser freezes the candidate dossiers (定标资料)' }
  }
  return stepOf(context, meetingOutcome(context))
}
