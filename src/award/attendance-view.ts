// The award meeting's attendance as its readers see it: per drawn member checked in (签到, with the
// declaration made), recused (回避, with the reason) or absent, and when; and the quorum the tender's
// rule pack declares, with whether it is met. Recusals and absences are not replaced yet: replacement
// draws come with issue 15, and until then the quorum alone decides whether the meeting goes on.
import {
  absentMembers,
  attendanceOf,
  recusedMembers,
  votingMembers,
} from '../../state-machines/award-sitting.ts'
import { awardQuorumOf } from '../../state-machines/rule-pack.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import { quorumRefusal } from '../../state-machines/tender-award-sitting.guards.ts'
import type { StoredEvent } from '../events/event-store.ts'

export type AttendanceStatus = 'checkedIn' | 'recused' | 'absent'

export interface AttendanceView {
  readonly userId: string
  readonly displayName: string | null
  readonly chair: boolean
  readonly status: AttendanceStatus
  /** When the member checked in or recused; null while absent. */
  readonly at: string | null
  /** The declaration of no conflict of interest made at check-in. */
  readonly statement: string | null
  /** Why the member recused. */
  readonly reason: string | null
}

/** The text of a member's last event of `type` (CHECK_IN's statement, RECUSE's reason). */
function lastText(
  events: readonly StoredEvent[],
  type: string,
  memberId: string,
  field: string,
): string | null {
  const event = events.findLast((e) => e.type === type && e.data.memberId === memberId)
  const text = event?.data[field]
  return typeof text === 'string' ? text : null
}

export function attendanceView(
  context: TenderContext,
  events: readonly StoredEvent[],
  names: ReadonlyMap<string, string>,
): AttendanceView[] {
  return context.awardCommittee.map((userId) => {
    const entry = attendanceOf(context, userId)
    return {
      userId,
      displayName: names.get(userId) ?? null,
      chair: userId === context.awardChairId,
      status: entry?.status ?? 'absent',
      at: entry?.at ?? null,
      statement: lastText(events, 'CHECK_IN', userId, 'statement'),
      reason: entry?.status === 'recused' ? lastText(events, 'RECUSE', userId, 'reason') : null,
    }
  })
}

/** The pack's quorum with the meeting's count against it; null under a pack frozen before the sitting. */
export function quorumView(context: TenderContext) {
  const quorum = awardQuorumOf(context.rulePack)
  if (quorum === null) return null
  const refusal = context.awardCommittee.length === 0 ? null : quorumRefusal(context)
  return {
    rule: 'awardQuorum',
    limit: quorum.value,
    source: quorum.source,
    confidence: quorum.confidence,
    checkedIn: votingMembers(context).length,
    recused: recusedMembers(context).length,
    absent: absentMembers(context).length,
    met: context.awardCommittee.length > 0 && refusal === null,
    /** Why it is not met (quorum_not_met, chair_recused), in the machine's words. */
    refusal: refusal === null ? null : { code: refusal.code, message: refusal.message },
  }
}
