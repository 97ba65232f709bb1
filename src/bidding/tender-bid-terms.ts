// What a bid submission needs of its tender before any transaction: the public key it is sealed to
// (immutable once published) and the deadline last seen (rechecked by the accepting statement).
import type { JWK } from 'jose'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { handleMemo } from '../shared/handle-memo.ts'
import { readSealingTerms } from '../tenders/tender-context-repository.ts'

export interface TenderBidTerms {
  readonly tenderKey: JWK
  /** The tender machine's deadline as last read; the statement that accepts a bid checks it still holds. */
  deadline: string | null
}

/** The tender's key and deadline, read once per process; null while it has no key (draft, unknown). */
export const tenderBidTerms: (db: Kysely<Database>, tenderId: string) => Promise<TenderBidTerms | null> =
  handleMemo(readBidTerms, (terms) => terms !== null) // no key yet: asked again, it may be published later

async function readBidTerms(db: Kysely<Database>, tenderId: string): Promise<TenderBidTerms | null> {
  const terms = await readSealingTerms(db, tenderId)
  return terms && { tenderKey: terms.publicJwk as JWK, deadline: terms.deadline }
}
