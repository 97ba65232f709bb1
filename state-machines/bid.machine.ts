// One sealed bid (DESIGN §2, §5) as a pure XState v5 machine: submitted → replaced | withdrawn before
// the deadline; at opening → opened | decryption failed (bidder's fault: deemed revoked 撤销; another
// party's fault: deemed withdrawn 撤回, 电子办法 Art 31) | invalid; an opened bid may be rejected (否决).
import { assign, type SnapshotFrom, setup } from 'xstate'
import type { BidContext } from './bid.context.ts'
import type { BidEvent, BidInput } from './bid.events.ts'
import * as rules from './bid.guards.ts'
import { isInstant } from './time.ts'

export type { BidContext } from './bid.context.ts'
export type { BidEvent, BidEventType, BidInput } from './bid.events.ts'

type EventOf<K extends BidEvent['type']> = Extract<BidEvent, { type: K }>

function isOf<K extends BidEvent['type']>(event: BidEvent, type: K): event is EventOf<K> {
  return event.type === type && isInstant(event.at)
}

/** A machine guard that is "no refusal" of its rule, and names the refusal (bid.refusals.ts). */
export interface BidGuard {
  (args: { readonly context: BidContext; readonly event: BidEvent }): boolean
  readonly verdict: rules.BidRule
}

function g(rule: rules.BidRule): BidGuard {
  return Object.assign(
    ({ context, event }: { readonly context: BidContext; readonly event: BidEvent }) =>
      rule(context, event) === null,
    { verdict: rule },
  )
}

const bidSetup = setup({
  types: { context: {} as BidContext, events: {} as BidEvent, input: {} as BidInput },
  guards: {
    canReplace: g(rules.canReplace),
    canWithdraw: g(rules.canWithdraw),
    opened: g(rules.openResult('opened')),
    decryptFailedBidder: g(rules.openResult('decryptFailedBidder')),
    decryptFailedOther: g(rules.openResult('decryptFailedOther')),
    invalid: g(rules.openResult('invalid')),
    canReject: g(rules.canReject),
  },
  actions: {
    replace: assign(({ event }) => (isOf(event, 'REPLACE') ? { replacedByBidId: event.byBidId } : {})),
    withdraw: assign(({ event }) => (isOf(event, 'WITHDRAW') ? { withdrawnAt: event.at } : {})),
    recordOpening: assign(({ event }) =>
      isOf(event, 'OPEN_RESULT')
        ? {
            openedAt: event.at,
            outcome: event.outcome,
            priceFen: event.outcome === 'opened' ? event.priceFen : null,
            outcomeReason: event.reason ?? null,
          }
        : {},
    ),
    reject: assign(({ event }) =>
      isOf(event, 'REJECT') ? { rejectedAt: event.at, rejectionGround: event.ground } : {},
    ),
  },
})

export const bidMachine = bidSetup.createMachine({
  id: 'bid',
  initial: 'submitted',
  context: ({ input }) => ({
    ...input,
    replacedByBidId: null,
    withdrawnAt: null,
    openedAt: null,
    outcome: null,
    priceFen: null,
    outcomeReason: null,
    rejectedAt: null,
    rejectionGround: null,
  }),
  states: {
    submitted: {
      on: {
        REPLACE: { guard: 'canReplace', target: 'replaced', actions: 'replace' },
        WITHDRAW: { guard: 'canWithdraw', target: 'withdrawn', actions: 'withdraw' },
        OPEN_RESULT: [
          { guard: 'opened', target: 'opened', actions: 'recordOpening' },
          { guard: 'decryptFailedBidder', target: 'decryptFailedBidder', actions: 'recordOpening' },
          { guard: 'decryptFailedOther', target: 'decryptFailedOther', actions: 'recordOpening' },
          { guard: 'invalid', target: 'invalid', actions: 'recordOpening' },
        ],
      },
    },
    opened: {
      on: { REJECT: { guard: 'canReject', target: 'rejected', actions: 'reject' } },
    },
    replaced: { type: 'final' },
    withdrawn: { type: 'final' },
    decryptFailedBidder: { type: 'final' }, // deemed revoked (撤销): the bond may be forfeited
    decryptFailedOther: { type: 'final' }, // deemed withdrawn (撤回): the bidder may claim losses
    invalid: { type: 'final' },
    rejected: { type: 'final' },
  },
})

export type BidSnapshot = SnapshotFrom<typeof bidMachine>

export const BID_STATES = [
  'submitted',
  'replaced',
  'withdrawn',
  'opened',
  'decryptFailedBidder',
  'decryptFailedOther',
  'invalid',
  'rejected',
] as const
export type BidState = (typeof BID_STATES)[number]

export function bidStateOf(snapshot: BidSnapshot): BidState {
  return snapshot.value
}
