// Who a timer acts as: the trading centre's operator account (交易中心), marked by the address "timer"
// so the history shows that the platform, not a person, closed bidding or ended publicity.
import type { Actor } from '../auth/actor.ts'
import { DEMO_USERS, demoOrg } from '../organisations/demo-directory.ts'

const operator = DEMO_USERS.find((user) => user.username === 'operator')

export const SYSTEM_ACTOR: Actor = {
  userId: operator?.id ?? 'usr_operator',
  orgId: demoOrg('platform').id,
  roles: ['operator'],
  ip: 'timer',
  requestId: 'timer',
}

/** The system actor for one firing; the request id names the timer, to trace the event back to it. */
export const timerActor = (timerId: string): Actor => ({ ...SYSTEM_ACTOR, requestId: timerId })
