// Who a timer acts as: the platform itself, not a person and not a seeded demo account (production has
// none), with the operator's role so the same authorisation applies; the history names it plainly.
import type { Actor } from '../auth/actor.ts'

export const SYSTEM_ACTOR: Actor = {
  userId: 'system:timer',
  orgId: 'system:platform',
  roles: ['operator'],
  ip: 'timer',
  requestId: 'timer',
}

/** The system actor for one firing; the request id names the timer, to trace the event back to it. */
export const timerActor = (timerId: string): Actor => ({ ...SYSTEM_ACTOR, requestId: timerId })
