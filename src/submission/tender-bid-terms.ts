// What a bid submission needs of its tender before any transaction: the public key it is sealed to
// (immutable once published) and the deadline last seen (rechecked by the accepting statement).
import type { JWK } from 'jose'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { rememberedLookup } from '../shared/remembered-lookup.ts'

export interface TenderBidTerms {
  readonly tenderKey: JWK
  /** The tender machine's deadline as last read; the statement that accepts a bid checks it still holds. */
  deadline: string | null
}

/** The tender's key and deadline, read once per app; null while it has no key (draft, unknown). */
export function tenderBidTermsOf(db: Kysely<Database>): (tenderId: string) => Promise<TenderBidTerms | null> {
  // No key yet: asked again, it may be published later.
  return rememberedLookup(
    (tenderId) => readBidTerms(db, tenderId),
    (terms) => terms !== null,
  )
}

async function readBidTerms(db: Kysely<Database>, tenderId: string): Promise<TenderBidTerms | null> {
  const row = await db
    .selectFrom('tender_keys')
    .innerJoin('tenders', 'tenders.id', 'tender_keys.tender_id')
    .select(['tender_keys.public_jwk', 'tenders.snapshot'])
    .where('tender_keys.tender_id', '=', tenderId)
    .executeTakeFirst()
  if (!row) return null
  const context = (row.snapshot as { context?: { deadline?: string | null } }).context
  return { tenderKey: row.public_jwk as JWK, deadline: context?.deadline ?? null }
}
