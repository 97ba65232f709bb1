// Replay's check of a tender's signed records (DESIGN §6): every stored record's signature verifies, its
// PDF hashes to what the JWS signed, it certifies an event of the tender's stream with that very hash,
// its id is the one derived from what it certifies, and its RECORD_ISSUED event on the hash-chained
// records stream names the same hash and key. Pure: the caller reads the evidence.
import type { RecordType } from '../../templates/pdf/record-kinds.ts'
import { type ChainedEvent, type ChainVerdict, verifyChain } from '../events/hash-chain.ts'
import { recordIdFor } from './record-types.ts'
import { certifiedEventOf } from './records-due.ts'
import type { PublishedJwk, RecordVerdictName } from './verify-record.ts'
import { verifyRecord } from './verify-record.ts'

/** A stored record as replay sees it: the row's claims, the exact bytes and the JWS. */
export interface RecordUnderCheck {
  readonly recordId: string
  readonly tenderId: string
  readonly type: string
  readonly recipientOrgId: string | null
  readonly certifiedEvent: { readonly seq: number; readonly hash: string }
  readonly pdfSha256: string
  readonly kid: string
  readonly issuanceSeq: number
  readonly pdf: Uint8Array
  readonly jws: string
}

export interface RecordsEvidence {
  readonly records: readonly RecordUnderCheck[]
  /** The tender's records stream (RECORD_ISSUED events). */
  readonly issuanceEvents: readonly ChainedEvent[]
  readonly jwks: { readonly keys: readonly PublishedJwk[] }
  readonly revokedKids: ReadonlySet<string>
}

export interface RecordCheck {
  readonly recordId: string
  readonly type: string
  readonly ok: boolean
  readonly verdict: RecordVerdictName
  /** What is wrong beyond the signature verdict, if anything. */
  readonly problem: string | null
}

export interface RecordsVerification {
  readonly ok: boolean
  readonly chain: ChainVerdict
  readonly checked: readonly RecordCheck[]
  /** RECORD_ISSUED events whose record is not stored. */
  readonly missingRecords: readonly string[]
  /** Records certifying events after the replayed history (issued meanwhile): checked next time. */
  readonly notYetCovered: readonly string[]
}

function problemOf(
  record: RecordUnderCheck,
  tenderEvents: readonly ChainedEvent[],
  issued: ChainedEvent | undefined,
  payload: ReturnType<typeof verifyRecord>['payload'],
): string | null {
  if (payload) {
    const same =
      payload.recordId === record.recordId &&
      payload.type === record.type &&
      payload.tenderId === record.tenderId &&
      payload.recipientOrgId === record.recipientOrgId &&
      payload.certifiedEvent.seq === record.certifiedEvent.seq &&
      payload.certifiedEvent.hash === record.certifiedEvent.hash &&
      payload.pdfSha256 === record.pdfSha256
    if (!same) return 'the stored record differs from what its JWS signed'
  }
  const certified = tenderEvents[record.certifiedEvent.seq - 1]
  if (certified?.seq !== record.certifiedEvent.seq || certified.hash !== record.certifiedEvent.hash)
    return `the certified event seq ${record.certifiedEvent.seq} is not in the tender's chain with that hash`
  const expectedId = recordIdFor({
    tenderId: record.tenderId,
    type: record.type as RecordType,
    certified: certifiedEventOf(certified),
    recipientOrgId: record.recipientOrgId,
  })
  if (expectedId !== record.recordId) return `the record id is not the one derived from what it certifies`
  const data = issued?.data as Record<string, unknown> | undefined
  if (
    issued?.type !== 'RECORD_ISSUED' ||
    data?.recordId !== record.recordId ||
    data.pdfSha256 !== record.pdfSha256 ||
    data.kid !== record.kid ||
    data.certifiedSeq !== record.certifiedEvent.seq
  )
    return `its RECORD_ISSUED event (records stream seq ${record.issuanceSeq}) does not match it`
  return null
}

export function verifyTenderRecords(
  tenderEvents: readonly ChainedEvent[],
  evidence: RecordsEvidence,
): RecordsVerification {
  const chain = verifyChain(evidence.issuanceEvents)
  const lastSeq = tenderEvents.at(-1)?.seq ?? 0
  const covered = evidence.records.filter((record) => record.certifiedEvent.seq <= lastSeq)
  const notYetCovered = evidence.records
    .filter((record) => record.certifiedEvent.seq > lastSeq)
    .map((record) => record.recordId)
  const checked = covered.map((record): RecordCheck => {
    const verdict = verifyRecord(record.pdf, record.jws, evidence.jwks, { revokedKids: evidence.revokedKids })
    const issued = evidence.issuanceEvents.find((event) => event.seq === record.issuanceSeq)
    const problem =
      verdict.verdict === 'hash_mismatch' && verdict.payload
        ? "the stored PDF's SHA-256 is not the one its JWS signed"
        : problemOf(record, tenderEvents, issued, verdict.payload)
    return {
      recordId: record.recordId,
      type: record.type,
      ok: verdict.valid && problem === null,
      verdict: verdict.verdict,
      problem: problem ?? (verdict.valid ? null : verdict.detail),
    }
  })
  const stored = new Set(evidence.records.map((record) => record.recordId))
  const missingRecords = evidence.issuanceEvents
    .map((event) => (event.data as { recordId?: unknown }).recordId)
    .filter((id): id is string => typeof id === 'string' && !stored.has(id))
  return {
    ok: chain.ok && missingRecords.length === 0 && checked.every((check) => check.ok),
    chain,
    checked,
    missingRecords,
    notYetCovered,
  }
}
