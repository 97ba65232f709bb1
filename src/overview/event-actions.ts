// Which of the machine's allowed events this viewer may send, and the page where each is done (the URL
// plan of the web UI). Who may send an event is the command's own `authorize` (the same function the
// API's command route runs), so this table adds no rule: it only names, per event, that function.
import type { TenderEventType } from '../../state-machines/tender.events.ts'
import { type Actor, requireRole } from '../auth/actor.ts'
import { authorizeChair, authorizeChairOrPurchaser, authorizeCommitteeMember } from '../award/award-access.ts'
import { authorizeCommitteeExpert } from '../evaluation/evaluation-access.ts'
import { DomainError } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import {
  authorizeOwnPurchaser,
  authorizePurchaserOrOperator,
  authorizeSupervisor,
  isOversight,
} from '../tenders/tender-access.ts'

type Authorize = (tender: Tender, actor: Actor) => void

/** A bidder's own events (a question, an objection): their commands admit bidders of a published tender. */
const authorizeBidder: Authorize = (_tender, actor) => requireRole(actor, 'bidder')

/** Each event's command authorisation (the *-commands.ts files, close-bidding.ts, open-bids.ts, …). */
const AUTHORIZE: Readonly<Record<TenderEventType, Authorize>> = {
  EDIT: authorizeOwnPurchaser,
  PUBLISH: authorizeOwnPurchaser,
  QUESTION_ASKED: authorizeBidder,
  QUESTION_ANSWERED: authorizeOwnPurchaser,
  AMEND: authorizeOwnPurchaser,
  EXTEND_DEADLINE: authorizeOwnPurchaser,
  OBJECTION_RAISED: authorizeBidder,
  OBJECTION_ANSWERED: authorizeOwnPurchaser,
  SUSPEND: authorizeSupervisor,
  RESUME: authorizeSupervisor,
  CLOSE_BIDDING: authorizePurchaserOrOperator,
  OPEN: authorizePurchaserOrOperator,
  DRAW_EXPERTS: authorizePurchaserOrOperator,
  DECLARE_NO_CONFLICT: authorizeCommitteeExpert,
  SUBMIT_SCORES: authorizeCommitteeExpert,
  REJECT_BID: authorizeCommitteeExpert,
  SUBMIT_REPORT: authorizeCommitteeExpert,
  END_PUBLICITY: authorizePurchaserOrOperator,
  FORM_AWARD_COMMITTEE: authorizeOwnPurchaser,
  FREEZE_DOSSIERS: authorizeOwnPurchaser,
  CHECK_IN: authorizeCommitteeMember,
  RECUSE: authorizeCommitteeMember,
  OPEN_ROUND: authorizeChair,
  CAST_BALLOT: authorizeCommitteeMember,
  CLOSE_ROUND: authorizeChair,
  START_REVOTE: authorizeChairOrPurchaser,
  DECIDE: authorizeChairOrPurchaser,
  FAIL_AWARD: authorizeChairOrPurchaser,
  ISSUE_AWARD_NOTICE: authorizeOwnPurchaser,
  WINNER_DECLINED: authorizeOwnPurchaser,
  CONTRACT_SIGNED: authorizeOwnPurchaser,
  CANCEL: authorizeOwnPurchaser,
}

const MEETING_EVENTS = new Set<TenderEventType>([
  'CHECK_IN',
  'RECUSE',
  'OPEN_ROUND',
  'CAST_BALLOT',
  'CLOSE_ROUND',
  'START_REVOTE',
  'DECIDE',
  'FAIL_AWARD',
])

/** The page where `event` is done, or null when only the API does it so far. */
export function actionPage(tender: Pick<Tender, 'id' | 'state'>, event: TenderEventType): string | null {
  const base = `/tenders/${encodeURIComponent(tender.id)}`
  if (MEETING_EVENTS.has(event)) return `/meetings/${encodeURIComponent(tender.id)}`
  switch (event) {
    case 'PUBLISH':
      return `${base}/publish`
    case 'CLOSE_BIDDING':
    case 'OPEN':
      return `${base}/opening`
    case 'DRAW_EXPERTS':
    case 'SUBMIT_REPORT':
      return `${base}/evaluation`
    case 'END_PUBLICITY':
      return tender.state === 'resultPublicity' ? `${base}/award` : `${base}/evaluation`
    case 'FORM_AWARD_COMMITTEE':
    case 'FREEZE_DOSSIERS':
    case 'ISSUE_AWARD_NOTICE':
    case 'WINNER_DECLINED':
    case 'CONTRACT_SIGNED':
      return `${base}/award`
    default:
      return null
  }
}

export interface Action {
  readonly event: TenderEventType
  readonly href: string | null
}

/** The allowed events this viewer may send, each with its page; none for oversight (read-only here). */
export function actionsFor(tender: Tender, actor: Actor, allowed: readonly TenderEventType[]): Action[] {
  if (isOversight(actor)) return []
  return allowed
    .filter((event) => {
      try {
        AUTHORIZE[event](tender, actor)
        return true
      } catch (error) {
        if (error instanceof DomainError) return false
        throw error
      }
    })
    .map((event) => ({ event, href: actionPage(tender, event) }))
}
