// What a signed record is about: its type, the tender, the event it certifies and, for notices, the
// organisation it is addressed to, and the id derived from them. Shared by the inputs, the renderer and
// the pipeline (outbox, signature, storage); the kinds themselves are the templates'. Pure.
import { createHash } from 'node:crypto'
import type { CertifiedEvent, RecordType } from '../../templates/pdf/record-kinds.ts'

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
