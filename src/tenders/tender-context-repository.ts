// The few fields of tenders' machine context that callers read without loading a whole Tender: the bid
// path's key and deadline, the deadline rush's batched acceptance, and the credit lookups made before a
// command. Each reads only what it names from the snapshot JSON, which no SQL outside the tender store
// reads at all.
import { type Kysely, sql } from 'kysely'
import type { CreditPolicy, RulePack } from '../../state-machines/rule-pack.ts'
import type { PendingObjection } from '../../state-machines/tender.context.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'
import type { Database } from '../db/schema.ts'
import { NotFound } from '../shared/errors.ts'

/** A tender's bid window as read (BidWindowTerms), with what names the tender and the version read. */
export interface BidWindowFacts {
  readonly id: string
  readonly version: number
  readonly state: TenderState
  readonly purchaserOrgId: string
  readonly deadline: string | null
  readonly suspended: boolean
  readonly pendingObjections: readonly PendingObjection[]
}

/** The window's facts as columns of a `tenders` row: read below and by the bid-accepting statement. */
const BID_WINDOW_COLUMNS = `id, version, state, purchaser_org_id as "purchaserOrgId",
  snapshot->'context'->>'deadline' as deadline,
  coalesce((snapshot->'context'->>'suspended')::boolean, false) as suspended,
  coalesce(snapshot->'context'->'pendingObjections', '[]'::jsonb) as "pendingObjections"`

/**
 * A CTE body locking, FOR SHARE and in id order, the tenders whose ids `tenderIds` (a subquery) yields,
 * with their BidWindowFacts as columns, for one statement that accepts many bids (submission/accept-bids.ts).
 */
export function lockBidWindowsSql(tenderIds: string): string {
  return `select ${BID_WINDOW_COLUMNS} from tenders where id in (${tenderIds}) order by id for share`
}

type WindowRow = Omit<BidWindowFacts, 'pendingObjections'> & { pendingObjections: unknown }

/** A jsonb value as the driver hands it: parsed already, or its text. */
export const jsonOf = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

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

/** The public key bids are sealed to (null while the tender has none) and its window's facts. */
export async function readKeyAndBidWindow(
  db: Kysely<Database>,
  tenderId: string,
): Promise<{ readonly publicJwk: unknown; readonly window: BidWindowFacts } | null> {
  const { rows } = await sql<WindowRow & { publicJwk: unknown }>`
    select (select public_jwk from tender_keys where tender_id = ${tenderId}) as "publicJwk",
      ${sql.raw(BID_WINDOW_COLUMNS)}
    from tenders where id = ${tenderId}`.execute(db)
  const row = rows[0]
  if (!row) return null
  const { publicJwk, ...window } = row
  return { publicJwk, window: factsOf(window) }
}

/** The tender's frozen rule pack (null for a draft); 404 for an unknown tender. */
export async function readRulePack(db: Kysely<Database>, tenderId: string): Promise<RulePack | null> {
  const row = await db
    .selectFrom('tenders')
    .select(sql<unknown>`snapshot->'context'->'rulePack'`.as('pack'))
    .where('id', '=', tenderId)
    .executeTakeFirst()
  if (!row) throw new NotFound(`tender ${tenderId} does not exist`)
  return (row.pack ?? null) as RulePack | null
}

/** What the opening's credit lookups need: the state, the pack and the deadline (the cut-off). */
export async function readOpeningTerms(db: Kysely<Database>, tenderId: string) {
  return db
    .selectFrom('tenders')
    .select(['state', sql<RulePack | null>`snapshot->'context'->'rulePack'`.as('rulePack')])
    .select(sql<string | null>`snapshot->'context'->>'deadline'`.as('deadline'))
    .where('id', '=', tenderId)
    .executeTakeFirst()
}

/** What the candidates' dossier credit lookups need, before FREEZE_DOSSIERS. */
export interface AwardingTerms {
  readonly state: string
  readonly rulePack: RulePack | null
  readonly dossierHash: string | null
  readonly candidates: string[] | null
  readonly openedBids: { bidId: string; bidderOrgId: string }[] | null
  readonly committeeSize: number | null
}

export async function readAwardingTerms(
  db: Kysely<Database>,
  tenderId: string,
): Promise<AwardingTerms | undefined> {
  const { rows } = await sql<AwardingTerms>`
    select state, snapshot->'context'->'rulePack' as "rulePack", snapshot->'context'->>'dossierHash' as "dossierHash",
      snapshot->'context'->'candidates' as candidates, snapshot->'context'->'openedBids' as "openedBids",
      jsonb_array_length(snapshot->'context'->'awardCommittee') as "committeeSize"
    from tenders where id = ${tenderId}`.execute(db)
  return rows[0]
}

/** What decides who reads a tender's credit snapshots: its owner, whether it is opened, its committees. */
export interface CreditReadingTerms {
  readonly state: string
  readonly purchaserOrgId: string
  readonly deadline: string | null
  readonly rulePack: { id: string; version: string; credit?: CreditPolicy } | null
  readonly opened: boolean
  readonly expertCommittee: readonly string[]
  readonly awardCommittee: readonly string[]
}

export async function readCreditReadingTerms(
  db: Kysely<Database>,
  tenderId: string,
): Promise<CreditReadingTerms | null> {
  const { rows } = await sql<CreditReadingTerms>`
    select state, purchaser_org_id as "purchaserOrgId", snapshot->'context'->>'deadline' as deadline,
      snapshot->'context'->'rulePack' as "rulePack",
      (jsonb_array_length(coalesce(snapshot->'context'->'openedBids', '[]'::jsonb)) > 0
        or state not in ('draft', 'bidding', 'opening', 'failed', 'cancelled')) as opened,
      coalesce(snapshot->'context'->'expertCommittee', '[]'::jsonb) as "expertCommittee",
      coalesce(snapshot->'context'->'awardCommittee', '[]'::jsonb) as "awardCommittee"
    from tenders where id = ${tenderId}`.execute(db)
  return rows[0] ?? null
}
