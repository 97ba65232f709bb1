// Receipts (回执, 电子办法 Art 27) for accepted bid changes: signed by the platform key (src/receipts),
// stored in the same transaction as the change, and listed again for the bidder and oversight.
import { type Kysely, sql, type Transaction } from 'kysely'
import { type Actor, hasRole } from '../auth/actor.ts'
import { readOrganisationUscc } from '../credit/organisation-uscc.ts'
import type { Database } from '../db/schema.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { issueBidReceipt, type ReceiptAction } from '../receipts/bid-receipt.ts'
import { Forbidden, NotFound } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { findBid } from './bid-repository.ts'

export interface ReceiptSubject {
  readonly bidId: string
  readonly action: ReceiptAction
  readonly ciphertextSha256: string
}

export interface ReceiptContext {
  readonly tenderId: string
  readonly bidderOrgId: string
  /** Server time the change was accepted: the receipt's receivedAt. */
  readonly at: Date
  /** The bidder's USCC when the caller knows it already (else it is read in the transaction). */
  readonly bidderUscc?: string
}

/** Signs and stores one receipt per subject, in order; returns the JWSs in the same order. */
export async function issueReceipts(
  trx: Transaction<Database>,
  keys: PlatformKeys,
  context: ReceiptContext,
  subjects: readonly ReceiptSubject[],
): Promise<string[]> {
  const bidderUscc = context.bidderUscc ?? (await readOrganisationUscc(trx, context.bidderOrgId))
  const receivedAt = context.at.toISOString()
  const receipts: string[] = []
  for (const subject of subjects) {
    const jws = await issueBidReceipt(keys, {
      tenderId: context.tenderId,
      bidId: subject.bidId,
      bidderUscc,
      action: subject.action,
      ciphertextSha256: subject.ciphertextSha256,
      receivedAt,
    })
    await trx
      .insertInto('bid_receipts')
      .values({
        id: newId('rcp'),
        bid_id: subject.bidId,
        tender_id: context.tenderId,
        bidder_org_id: context.bidderOrgId,
        action: subject.action,
        jws,
        issued_at: context.at,
      })
      .execute()
    receipts.push(jws)
  }
  return receipts
}

/** The receipts of one bid, oldest first: to its bidder and oversight; others learn nothing of the bid. */
export async function readReceipts(db: Kysely<Database>, actor: Actor, tenderId: string, bidId: string) {
  const tender = await findTender(db, tenderId)
  assertVisible(tender, actor)
  const oversight = isOversight(actor)
  if (!oversight && !hasRole(actor, 'bidder')) {
    throw new Forbidden('receipts are for their bidder and oversight', {}, 'forbidden')
  }
  const bid = await findBid(db, tenderId, bidId)
  // Another organisation's bid reads as absent: its existence is sealed too.
  if (!bid || (!oversight && bid.bidderOrgId !== actor.orgId)) {
    throw new NotFound(`bid ${bidId} does not exist on tender ${tenderId}`)
  }
  const rows = await db
    .selectFrom('bid_receipts')
    .selectAll()
    .where('bid_id', '=', bidId)
    .orderBy('issued_at')
    // A bid submitted and replaced within one millisecond: its 'submitted' receipt still comes first.
    .orderBy(sql`action = 'submitted'`, 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    bidId: row.bid_id,
    tenderId: row.tender_id,
    action: row.action,
    issuedAt: new Date(row.issued_at).toISOString(),
    receipt: row.jws,
  }))
}
