// What a bid submission needs of its tender before any transaction: the public key it is sealed to
// (immutable once published) and the facts of its bid window as last seen, with the tender's version.
// The fast path judges the window on those facts with the one rule (state-machines/bid-window.ts); the
// accepting statement then only checks, under its FOR SHARE lock, that the tender is still at that
// version, so the window it takes the bid in is exactly the one judged.
import type { JWK } from 'jose'
import { type Kysely, sql } from 'kysely'
import type { PendingObjection } from '../../state-machines/tender.context.ts'
import type { Database } from '../db/schema.ts'
import { rememberedLookup } from '../shared/remembered-lookup.ts'

/** A tender's bid window as read (BidWindowTerms), with what names the tender and the version read. */
export interface BidWindowFacts {
  readonly id: string
  readonly version: number
  readonly state: string
  readonly purchaser_org_id: string
  readonly deadline: string | null
  readonly suspended: boolean
  readonly pendingObjections: readonly PendingObjection[]
}

/** The window's facts as columns of a `tenders` row: read here and by the accepting statement. */
export const BID_WINDOW_COLUMNS = `id, version, state, purchaser_org_id,
  snapshot->'context'->>'deadline' as deadline,
  coalesce((snapshot->'context'->>'suspended')::boolean, false) as suspended,
  coalesce(snapshot->'context'->'pendingObjections', '[]'::jsonb) as "pendingObjections"`

export interface TenderBidTerms {
  readonly tenderKey: JWK
  /** The window as last seen; replaced by newer facts as submissions read them (seenWindow). */
  window: BidWindowFacts
}

/** Keeps the newer of the facts held and `facts` (concurrent submissions may read out of order). */
export function seenWindow(terms: TenderBidTerms, facts: BidWindowFacts): void {
  if (facts.version >= terms.window.version) terms.window = facts
}

type WindowRow = Omit<BidWindowFacts, 'pendingObjections'> & { pendingObjections: unknown }

/** A jsonb value as the driver hands it: parsed already, or its text. */
const jsonOf = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

const factsOf = ({ pendingObjections, ...row }: WindowRow): BidWindowFacts => ({
  ...row,
  pendingObjections: jsonOf<PendingObjection[]>(pendingObjections),
})

/** The window's facts now (no lock); null for an unknown tender. */
export async function readBidWindow(db: Kysely<Database>, tenderId: string): Promise<BidWindowFacts | null> {
  const { rows } = await sql<WindowRow>`
    select ${sql.raw(BID_WINDOW_COLUMNS)} from tenders where id = ${tenderId}`.execute(db)
  return rows[0] ? factsOf(rows[0]) : null
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
  const { rows } = await sql<WindowRow & { publicJwk: unknown }>`
    select (select public_jwk from tender_keys where tender_id = ${tenderId}) as "publicJwk",
      ${sql.raw(BID_WINDOW_COLUMNS)}
    from tenders where id = ${tenderId}`.execute(db)
  const row = rows[0]
  if (!row?.publicJwk) return null
  const { publicJwk, ...window } = row
  return { tenderKey: jsonOf<JWK>(publicJwk), window: factsOf(window) }
}
