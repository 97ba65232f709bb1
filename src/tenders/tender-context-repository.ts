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

/** A tender as the batched bid acceptance locks it: what decides whether it takes bids (holdOf's fields). */
export interface LockedBiddingTerms {
  readonly id: string
  readonly state: TenderState
  readonly purchaserOrgId: string
  readonly deadline: string | null
  readonly suspended: boolean
  readonly pendingObjections: readonly PendingObjection[]
}

/**
 * A CTE body locking, FOR SHARE and in id order, the tenders whose ids `tenderIds` (a subquery) yields,
 * with their LockedBiddingTerms as columns, for one statement that accepts many bids (bidding/accept-bids.ts).
 */
export function lockBiddingTermsSql(tenderIds: string): string {
  return `select id, state, purchaser_org_id as "purchaserOrgId", snapshot->'context'->>'deadline' as deadline,
      coalesce((snapshot->'context'->>'suspended')::boolean, false) as suspended,
      coalesce(snapshot->'context'->'pendingObjections', '[]'::jsonb) as "pendingObjections"
    from tenders where id in (${tenderIds}) order by id for share`
}

/** The public key bids are sealed to and the deadline in the machine's context; null without a key. */
export async function readSealingTerms(
  db: Kysely<Database>,
  tenderId: string,
): Promise<{ readonly publicJwk: unknown; readonly deadline: string | null } | null> {
  const row = await db
    .selectFrom('tender_keys')
    .innerJoin('tenders', 'tenders.id', 'tender_keys.tender_id')
    .select([
      'tender_keys.public_jwk',
      sql<string | null>`tenders.snapshot->'context'->>'deadline'`.as('deadline'),
    ])
    .where('tender_keys.tender_id', '=', tenderId)
    .executeTakeFirst()
  return row ? { publicJwk: row.public_jwk, deadline: row.deadline ?? null } : null
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
