// One sealed bid (DESIGN §2, §5) as a pure XState v5 machine: submitted → replaced | withdrawn before
// the deadline; at opening → opened | decryption failed (bidder's fault: deemed revoked 撤销; another
// party's fault: deemed withdrawn 撤回, 电子办法 Art 31) | invalid; an opened bid may be rejected (否决).
import { assign, type SnapshotFrom, setup } from 'xstate'
import type { BidEvent, BidInput } from './bid.events.ts'
import { isBeforeBidDeadline } from './bid-window.ts'
import { hasText, isFen } from './checks.ts'
import type { BidOpeningOutcome } from './tender.events.ts'
import { isAtOrBefore, isInstant } from './time.ts'

export type { BidEvent, BidEventType, BidInput } from './bid.events.ts'

export interface BidContext extends BidInput {
  readonly replacedByBidId: string | null
  readonly withdrawnAt: string | null
  readonly openedAt: string | null
  readonly outcome: BidOpeningOutcome | null
  readonly priceFen: string | null
  readonly outcomeReason: string | null
  readonly rejectedAt: string | null
  readonly rejectionGround: string | null
}

type EventOf<K extends BidEvent['type']> = Extract<BidEvent, { type: K }>

function isOf<K extends BidEvent['type']>(event: BidEvent, type: K): event is EventOf<K> {
  return event.type === type && isInstant(event.at)
}

/** Before the deadline the event carries (the tender's current one): the bid window's deadline rule. */
function beforeDeadline(event: BidEvent): boolean {
  return 'deadline' in event && isBeforeBidDeadline(event.at, event.deadline)
}

function isOpenResultFor(event: BidEvent, outcome: BidOpeningOutcome, context: BidContext): boolean {
  if (!isOf(event, 'OPEN_RESULT') || event.outcome !== outcome) return false
  // Nobody decrypts before the deadline (电子办法 Art 27); deadlines only ever move later.
  return isAtOrBefore(context.deadline, event.at) && (outcome !== 'opened' || isFen(event.priceFen))
}

const bidSetup = setup({
  types: { context: {} as BidContext, events: {} as BidEvent, input: {} as BidInput },
  guards: {
    canReplace: ({ context, event }) =>
      isOf(event, 'REPLACE') &&
      beforeDeadline(event) &&
      hasText(event.byBidId) &&
      event.byBidId !== context.bidId,
    canWithdraw: ({ event }) => isOf(event, 'WITHDRAW') && beforeDeadline(event),
    opened: ({ context, event }) => isOpenResultFor(event, 'opened', context),
    decryptFailedBidder: ({ context, event }) => isOpenResultFor(event, 'decryptFailedBidder', context),
    decryptFailedOther: ({ context, event }) => isOpenResultFor(event, 'decryptFailedOther', context),
    invalid: ({ context, event }) => isOpenResultFor(event, 'invalid', context),
    canReject: ({ event }) => isOf(event, 'REJECT') && hasText(event.ground),
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
