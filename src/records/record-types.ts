// What a signed record is about: its type, the tender, the event it certifies and, for notices, the
// organisation it is addressed to. Shared by the inputs (what a record says), the renderer (its PDF)
// and the pipeline (outbox, signature, storage). Pure.
import { createHash } from 'node:crypto'

export const RECORD_TYPES = [
  'opening_record', // 开标记录, after OPEN
  'evaluation_report', // 评标报告, after SUBMIT_REPORT
  'award_report', // 定标报告, after DECIDE
  'award_notice', // 中标通知书, after ISSUE_AWARD_NOTICE, addressed to the winner
  'unsuccessful_notice', // 中标结果通知书 to each unsuccessful bidder, after ISSUE_AWARD_NOTICE
  'replay_certificate', // the tender's history summary with its chain head, after a final state
] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** The event a record certifies: it is printed on the record and signed in its JWS. */
export interface CertifiedEvent {
  readonly streamId: string
  readonly seq: number
  readonly hash: string
  readonly type: string
  /** Server time of the event, UTC ISO-8601; the record's only date ("issued at"). */
  readonly recordedAt: string
}

export interface RecordRequest {
  readonly tenderId: string
  readonly type: RecordType
  readonly certified: CertifiedEvent
  /** The addressee organisation for award and unsuccessful notices; null otherwise. */
  readonly recipientOrgId: string | null
}

/**
 * A record's id is derived from what it certifies, so a record generated again after a crash has the
 * same id (and the same bytes): rec_ + the first 32 hex digits of SHA-256(tender|type|seq|recipient).
 */
export function recordIdFor(request: RecordRequest): string {
  const key = [request.tenderId, request.type, request.certified.seq, request.recipientOrgId ?? ''].join('|')
  return `rec_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`
}

/** Where a record can be verified, printed on every page as the verification hint. */
export function verificationHint(recordId: string): { readonly path: string; readonly command: string } {
  return {
    path: `/api/v1/records/${recordId}/verify`,
    command: `youxuan verify ${recordId}.pdf --jws ${recordId}.jws`,
  }
}
