// What the fast path of bid submission keeps while the app runs, built once by the app over its
// database and handed down (never module state, so two apps or test databases share nothing): the
// acceptance queue, the replacement hints and the tenders' bid terms last seen.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { type AcceptanceQueue, createAcceptanceQueue } from './acceptance-queue.ts'
import { createReplacementHints, type ReplacementHints } from './replacement-hints.ts'
import { type TenderBidTerms, tenderBidTermsOf } from './tender-bid-terms.ts'

export interface FastPath {
  readonly acceptance: AcceptanceQueue
  readonly replacementHints: ReplacementHints
  /** The tender's key and deadline last seen (null while it has no key). */
  readonly tenderBidTerms: (tenderId: string) => Promise<TenderBidTerms | null>
}

export function createFastPath(db: Kysely<Database>): FastPath {
  return {
    acceptance: createAcceptanceQueue(db),
    replacementHints: createReplacementHints(),
    tenderBidTerms: tenderBidTermsOf(db),
  }
}
