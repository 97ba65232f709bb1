// What a reader of the award meeting may do now: the meeting events their part may send (award-access.ts)
// that the machine would take from them at this moment. The machine is asked, never second-guessed: an
// event without a sender must be among its allowed events, one with a sender (a member, the chair) is
// tried as that reader's own, the way their command would build it.
import { roundTally } from '../../state-machines/award-sitting.ts'
import { allowedEvents, refusalOf } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent, TenderEventType } from '../../state-machines/tender.events.ts'
import type { TenderSnapshot } from '../pipeline/tender-command.ts'
import type { AwardPart } from './award-access.ts'
import { NO_CONFLICT_STATEMENT } from './sitting-commands.ts'

const MEMBER_EVENTS = ['CHECK_IN', 'RECUSE', 'CAST_BALLOT'] as const
const MOVING_ON = ['START_REVOTE', 'DECIDE', 'FAIL_AWARD'] as const

/** The award meeting's events each part may send (the commands' authorisation says the same). */
export const AWARD_EVENTS_BY_PART: Readonly<Record<AwardPart, readonly TenderEventType[]>> = {
  member: MEMBER_EVENTS,
  chair: [...MEMBER_EVENTS, 'OPEN_ROUND', 'CLOSE_ROUND', ...MOVING_ON],
  purchaser: ['FORM_AWARD_COMMITTEE', 'FREEZE_DOSSIERS', ...MOVING_ON],
  oversight: [],
}

/** The reader's own event of `type`, as their command would send it (texts are placeholders). */
function ownEvent(
  snapshot: TenderSnapshot,
  type: TenderEventType,
  userId: string,
  at: string,
): TenderEvent | null {
  const { context } = snapshot
  const { round } = context
  switch (type) {
    case 'CHECK_IN':
      return { type, at, memberId: userId, statement: NO_CONFLICT_STATEMENT }
    case 'RECUSE':
      return { type, at, memberId: userId, reason: '—' }
    case 'CAST_BALLOT': {
      const candidateBidId = context.activeCandidates[0] ?? ''
      return { type, at, memberId: userId, candidateBidId, reason: '—' }
    }
    case 'OPEN_ROUND':
      return { type, at, round, chairId: userId }
    case 'CLOSE_ROUND':
      return { type, at, round, chairId: userId, tally: roundTally(context) }
    default:
      return null
  }
}

export function awardActions(
  snapshot: TenderSnapshot,
  part: AwardPart,
  userId: string,
  at: string,
): TenderEventType[] {
  const allowed = new Set(allowedEvents(snapshot, at))
  return AWARD_EVENTS_BY_PART[part].filter((type) => {
    if (!allowed.has(type)) return false
    const own = ownEvent(snapshot, type, userId, at)
    return own === null || refusalOf(snapshot, own) === null
  })
}
