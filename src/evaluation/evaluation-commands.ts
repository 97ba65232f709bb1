// The committee's commands: declare no conflict, reject a bid (否决投标), score, submit the report.
// Each acts as the expert who sends it, so an expert can never speak for another. The machine's
// evaluation guards are the rules (declaration first, one score sheet, candidates in range …).
import type { EventOf } from '../../state-machines/tender.event-guard.ts'
import type { TenderEventType } from '../../state-machines/tender.events.ts'
import type { Actor } from '../auth/actor.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { authorizeCommitteeExpert } from './evaluation-access.ts'

type Proposed<K extends TenderEventType> = Omit<EventOf<K>, 'at'>

export function declareNoConflict(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  statement: string | undefined,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeCommitteeExpert,
    decide: () => {
      // The expert's own words go on the event too (the machine ignores them; the record keeps them).
      const event: Proposed<'DECLARE_NO_CONFLICT'> & { statement: string | null } = {
        type: 'DECLARE_NO_CONFLICT',
        expertId: actor.userId,
        statement: statement ?? null,
      }
      return event
    },
  })
}

export interface ScoreInput {
  readonly bidId: string
  readonly score: number
  readonly comment: string
}

export function submitScores(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  scores: readonly ScoreInput[],
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeCommitteeExpert,
    decide: () => {
      const event: Proposed<'SUBMIT_SCORES'> = {
        type: 'SUBMIT_SCORES',
        expertId: actor.userId,
        scores: scores.map(({ bidId, score, comment }) => ({ bidId, score, comment })),
      }
      return event
    },
  })
}

export function rejectBid(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  bidId: string,
  ground: string,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeCommitteeExpert,
    decide: () => {
      const event: Proposed<'REJECT_BID'> = { type: 'REJECT_BID', expertId: actor.userId, bidId, ground }
      return event
    },
  })
}

export interface ReportInput {
  /** 定标候选人 as bid ids, in rank order when the pack ranks them; empty: every bid failed. */
  readonly candidates: readonly string[]
  readonly summary: string
  readonly dissent?: readonly { expertId: string; opinion: string }[] | undefined
}

/** The signed report: candidates go to publicity (条例 Art 54), none at all ends in 流标 (法 Art 42). */
export function submitReport(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  report: ReportInput,
  ifMatch: number | undefined,
) {
  const dissent = (report.dissent ?? []).map(({ expertId, opinion }) => ({ expertId, opinion }))
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeCommitteeExpert,
    decide: () => {
      const event: Proposed<'SUBMIT_REPORT'> = {
        type: 'SUBMIT_REPORT',
        expertId: actor.userId,
        candidates: [...report.candidates],
        summary: report.summary,
        dissent,
      }
      return event
    },
  })
}
