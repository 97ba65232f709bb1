// Replay (DESIGN §6): fold a tender's stream through the machine from its first event, check every
// event was one the machine accepts, compare the result with the stored projection, re-run every
// recorded random draw, check the hash chain, and (given them) verify every signed record's signature
// and hash. Pure: no Fastify, no database.
import { initialTransition, transition } from 'xstate'
import { isTenderEventType } from '../../state-machines/tender.event-guard.ts'
import type { TenderEvent, TenderInput } from '../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderMachine, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { verifyDraw } from '../draws/verifiable-draw.ts'
import { canonicalJson } from '../events/canonical-json.ts'
import { type ChainedEvent, type ChainVerdict, verifyChain } from '../events/hash-chain.ts'
import { recordIdFor } from '../records/record-types.ts'
import { recordsCalledFor } from '../records/records-due.ts'
import {
  type RecordsEvidence,
  type RecordsVerification,
  verifyTenderRecords,
} from '../records/verify-tender-records.ts'

/** The projection as stored: the machine's state value and context, and the stream version it covers. */
export interface StoredProjection {
  readonly value: unknown
  readonly context: unknown
  readonly version: number
}

export interface ReplayVerdict {
  readonly ok: boolean
  readonly eventsReplayed: number
  readonly finalState: string | null
  readonly matchesProjection: boolean
  readonly firstRejectedSeq: number | null
  readonly problem: string | null
}

export interface DrawCheck {
  readonly seq: number
  readonly type: string
  readonly ok: boolean
}

export interface StreamVerification {
  readonly ok: boolean
  readonly chain: ChainVerdict
  readonly replay: ReplayVerdict
  readonly draws: { readonly ok: boolean; readonly checked: readonly DrawCheck[] }
  /** Signed records, when their evidence was given: signatures, hashes, certified events, issuance. */
  readonly records?: RecordsVerification & {
    /** How many records the history calls for, and those not issued yet (still in the outbox). */
    readonly due: number
    readonly notIssued: readonly string[]
  }
}

interface Fold {
  readonly snapshot: TenderSnapshot | null
  readonly replayed: number
  readonly rejectedSeq: number | null
  readonly problem: string | null
}

/** One step: the next snapshot, or null when the machine refuses the event (or chokes on its data). */
function step(snapshot: TenderSnapshot, stored: ChainedEvent): TenderSnapshot | null {
  if (!isTenderEventType(stored.type)) return null
  const event = { ...stored.data, type: stored.type } as TenderEvent
  try {
    if (!snapshot.can(event)) return null
    return transition(tenderMachine, snapshot, event)[0]
  } catch {
    return null
  }
}

function start(first: ChainedEvent | undefined): TenderSnapshot | null {
  if (first?.type !== 'TENDER_CREATED') return null
  try {
    return initialTransition(tenderMachine, first.data as unknown as TenderInput)[0]
  } catch {
    return null
  }
}

export function foldTenderStream(events: readonly ChainedEvent[]): Fold {
  let snapshot = start(events[0])
  if (snapshot === null) {
    return {
      snapshot: null,
      replayed: 0,
      rejectedSeq: events[0]?.seq ?? 1,
      problem: 'the stream does not start with TENDER_CREATED',
    }
  }
  for (const [index, event] of events.entries()) {
    if (index === 0) continue
    const next = step(snapshot, event)
    if (next === null) {
      const problem = `the machine in state "${tenderStateOf(snapshot)}" refuses ${event.type}`
      return { snapshot, replayed: index, rejectedSeq: event.seq, problem }
    }
    snapshot = next
  }
  return { snapshot, replayed: events.length, rejectedSeq: null, problem: null }
}

/** Compared as canonical JSON after a JSON round trip, as the projection itself was stored. */
const comparable = (value: unknown) => canonicalJson(JSON.parse(JSON.stringify(value ?? null)))

export function replayTender(events: readonly ChainedEvent[], stored: StoredProjection): ReplayVerdict {
  const fold = foldTenderStream(events)
  const finalState = fold.snapshot === null ? null : tenderStateOf(fold.snapshot)
  const matchesProjection =
    fold.snapshot !== null &&
    stored.version === events.length &&
    comparable({ value: fold.snapshot.value, context: fold.snapshot.context }) ===
      comparable({ value: stored.value, context: stored.context })
  const problem =
    fold.problem ?? (matchesProjection ? null : 'the replayed state differs from the stored projection')
  return {
    ok: fold.rejectedSeq === null && matchesProjection,
    eventsReplayed: fold.replayed,
    finalState,
    matchesProjection,
    firstRejectedSeq: fold.rejectedSeq,
    problem,
  }
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

export function verifyStreamDraws(events: readonly ChainedEvent[]): StreamVerification['draws'] {
  const checked = events.flatMap((event, index) => {
    if (!DRAW_EVENTS.includes(event.type)) return []
    const head = events[index - 1]?.hash ?? ''
    return [{ seq: event.seq, type: event.type, ok: index > 0 && drawHolds(event, head) }]
  })
  return { ok: checked.every((check) => check.ok), checked }
}

/** The ids of the records the history calls for: what the pipeline enqueued at each accepted event. */
export function recordsDueIn(events: readonly ChainedEvent[]): string[] {
  let snapshot = start(events[0])
  const due: string[] = []
  for (const event of events.slice(1)) {
    if (snapshot === null) break
    const next = step(snapshot, event)
    if (next === null) break
    const requests = recordsCalledFor(event, tenderStateOf(snapshot), tenderStateOf(next), next.context)
    due.push(...requests.map(recordIdFor))
    snapshot = next
  }
  return due
}

export function verifyTenderStream(
  events: readonly ChainedEvent[],
  stored: StoredProjection,
  records?: RecordsEvidence,
): StreamVerification {
  const chain = verifyChain(events)
  const replay = replayTender(events, stored)
  const draws = verifyStreamDraws(events)
  if (!records) return { ok: chain.ok && replay.ok && draws.ok, chain, replay, draws }
  const due = recordsDueIn(events)
  const issued = new Set(records.records.map((record) => record.recordId))
  const checkedRecords = {
    ...verifyTenderRecords(events, records),
    due: due.length,
    notIssued: due.filter((id) => !issued.has(id)),
  }
  return {
    ok: chain.ok && replay.ok && draws.ok && checkedRecords.ok,
    chain,
    replay,
    draws,
    records: checkedRecords,
  }
}
