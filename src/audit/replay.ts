// Replay (DESIGN §6): fold a tender's stream through the machine from its first event, check every
// event was one the machine accepts, compare the result with the stored projection, re-run every
// recorded random draw, check the hash chain, and (given them) verify every signed record's signature
// and hash. Pure: no Fastify, no database.
import { foldTenderStream } from '../../state-machines/tender.fold.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { type DrawsVerdict, verifyStreamDraws } from '../draws/recorded-draws.ts'
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

export interface StreamVerification {
  readonly ok: boolean
  readonly chain: ChainVerdict
  readonly replay: ReplayVerdict
  readonly draws: DrawsVerdict
  /** Signed records, when their evidence was given: signatures, hashes, certified events, issuance. */
  readonly records?: RecordsVerification & {
    /** How many records the history calls for, and those not issued yet (still in the outbox). */
    readonly due: number
    readonly notIssued: readonly string[]
  }
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
    eventsReplayed: fold.steps.length,
    finalState,
    matchesProjection,
    firstRejectedSeq: fold.rejectedSeq,
    problem,
  }
}

/** The ids of the records the history calls for: what the pipeline enqueued at each accepted event. */
export function recordsDueIn(events: readonly ChainedEvent[]): string[] {
  return foldTenderStream(events)
    .steps.slice(1)
    .flatMap(({ event, before, after }) =>
      recordsCalledFor(event, tenderStateOf(before), tenderStateOf(after), after.context).map(recordIdFor),
    )
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
