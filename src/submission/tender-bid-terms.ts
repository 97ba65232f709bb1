// What a bid submission needs of its tender before any transaction: the public key it is sealed to
// (immutable once published) and the facts of its bid window as last seen, with the tender's version.
// The fast path judges the window on those facts with the one rule (state-machines/bid-window.ts); the
// accepting statement then only checks, under its FOR SHARE lock, that the tender is still at that
// version, so the window it takes the bid in is exactly the one judged.
import type { JWK } from 'jose'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { rememberedLookup } from '../shared/remembered-lookup.ts'
import { type BidWindowFacts, jsonOf, readKeyAndBidWindow } from '../tenders/tender-context-repository.ts'

export interface TenderBidTerms {
  readonly tenderKey: JWK
  /** The window as last seen; replaced by newer facts as submissions read them (seenWindow). */
  window: BidWindowFacts
}

/** Keeps the newer of the facts held and `facts` (concurrent submissions may read out of order). */
export function seenWindow(terms: TenderBidTerms, facts: BidWindowFacts): void {
  if (facts.version >= terms.window.version) terms.window = facts
}

/** The tender's key and window, read once per app; null while it has no key (draft, unknown). */
export function tenderBidTermsOf(db: Kysely<Database>): (tenderId: string) => Promise<TenderBidTerms | null> {
  // No key yet: asked again, it may be published later.
  return rememberedLookup(
    (tenderId) => readBidTerms(db, tenderId),
    (terms) => terms !== null,
  )
}

async function readBidTerms(db: Kysely<Database>, tenderId: string): Promise<TenderBidTerms | null> {
  const row = await readKeyAndBidWindow(db, tenderId)
  if (!row?.publicJwk) return null
  return { tenderKey: jsonOf<JWK>(row.publicJwk), window: row.window }
}
