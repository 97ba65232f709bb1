// The random draws a tender's stream records (the experts, the award committee), each re-run with the
// hash of the event before it as the stream head: anyone holding the events can check them. Pure.
import type { ChainedEvent } from '../events/hash-chain.ts'
import { verifyDraw } from './verifiable-draw.ts'

export interface DrawCheck {
  readonly seq: number
  readonly type: string
  readonly ok: boolean
}

export interface DrawsVerdict {
  readonly ok: boolean
  readonly checked: readonly DrawCheck[]
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** Re-runs one recorded draw with the hash of the event before it as the stream head. */
function drawHolds(event: ChainedEvent, streamHead: string): boolean {
  const { draw, members } = event.data as { draw?: Record<string, unknown>; members?: unknown }
  if (!draw || !isStringArray(members) || !isStringArray(draw.pool)) return false
  const { secretCommitment, secret, seed } = draw
  if (typeof secretCommitment !== 'string' || typeof secret !== 'string' || typeof seed !== 'string')
    return false
  try {
    return verifyDraw({ pool: draw.pool, secretCommitment, secret, seed }, streamHead, members)
  } catch {
    return false
  }
}

const DRAW_EVENTS = ['DRAW_EXPERTS', 'FORM_AWARD_COMMITTEE']

export function verifyStreamDraws(events: readonly ChainedEvent[]): DrawsVerdict {
  const checked = events.flatMap((event, index) => {
    if (!DRAW_EVENTS.includes(event.type)) return []
    const head = events[index - 1]?.hash ?? ''
    return [{ seq: event.seq, type: event.type, ok: index > 0 && drawHolds(event, head) }]
  })
  return { ok: checked.every((check) => check.ok), checked }
}
