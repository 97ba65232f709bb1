// Credit at opening (开标): a snapshot for every bid of the committed set, judged at the tender's
// cut-off. The lookups run before OPEN's transaction (a remote source may be slow, and on PGlite the
// transaction holds the only connection); the snapshots are stored inside it, with their ids in OPEN.
import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { Conflict } from '../shared/errors.ts'
import { readOpeningTerms } from '../tenders/tender-context-repository.ts'
import { creditCutoff } from './credit-policy.ts'
import type { CreditSnapshot } from './credit-snapshot.ts'
import { type CreditSummary, creditSummaryOf, snapshotIdsOf } from './credit-summary.ts'
import { mapLimit } from './map-limit.ts'
import { findSnapshots, insertSnapshots } from './snapshot-repository.ts'
import { type CreditDeps, takeSnapshot } from './take-snapshot.ts'
import { creditTermsOfPack } from './tender-credit-terms.ts'

/** Snapshots made ahead of a command, by bid id; stored only if the command goes through. */
export type PreparedCredit = ReadonlyMap<string, CreditSnapshot>

interface LiveBid {
  readonly id: string
  readonly submittedAt: Date | string
  readonly uscc: string
}

async function openingScene(db: Kysely<Database>, tenderId: string) {
  const tender = await readOpeningTerms(db, tenderId)
  if (tender?.state !== 'opening') return null
  const bids: LiveBid[] = await db
    .selectFrom('bids')
    .innerJoin('organisations', 'organisations.id', 'bids.bidder_org_id')
    .select(['bids.id', 'bids.submitted_at as submittedAt', 'organisations.uscc'])
    .where('bids.tender_id', '=', tenderId)
    .where('bids.state', '=', 'submitted')
    .execute()
  return { ...tender, bids }
}

/** Looks up every bidder of a tender about to be opened; nothing is stored yet. Empty outside 'opening'. */
export async function prepareOpeningCredit(
  deps: CreditDeps,
  actor: Actor,
  tenderId: string,
): Promise<PreparedCredit> {
  const scene = await openingScene(deps.db, tenderId)
  if (!scene) return new Map()
  const { policy } = creditTermsOfPack(scene.rulePack)
  const snapshots = await mapLimit(scene.bids, 8, (bid) => {
    const cutoffAt = creditCutoff(policy, scene.deadline, new Date(bid.submittedAt).toISOString())
    const request = {
      purpose: 'opening' as const,
      tenderId,
      bidId: bid.id,
      requestedBy: actor.userId,
      requesterOrgId: actor.orgId,
      requestId: actor.requestId,
    }
    return takeSnapshot(deps, bid.uscc, request, policy, cutoffAt)
  })
  return new Map(snapshots.map((snapshot) => [snapshot.bidId ?? '', snapshot]))
}

/** Inside the command's transaction: stores the snapshots of these bids; their ids go into the event. */
export async function recordPreparedCredit(
  trx: Transaction<Database>,
  prepared: PreparedCredit,
  bidIds: readonly string[],
): Promise<Record<string, string>> {
  const chosen = bidIds.map((bidId) => prepared.get(bidId))
  if (chosen.some((snapshot) => snapshot === undefined)) {
    throw new Conflict(
      'the bids changed while their credit was being checked; retry',
      {},
      'credit_check_stale',
    )
  }
  const snapshots = chosen as CreditSnapshot[]
  await insertSnapshots(trx, snapshots)
  return Object.fromEntries(snapshots.map((snapshot) => [snapshot.bidId ?? '', snapshot.id]))
}

/** What the evaluation committee sees per bid: the opening snapshot's summary (OPEN's creditSnapshotIds). */
export async function openingCreditSummaries(
  db: Kysely<Database>,
  openData: Record<string, unknown> | undefined,
): Promise<Map<string, CreditSummary>> {
  const ids = snapshotIdsOf(openData)
  const snapshots = await findSnapshots(db, Object.values(ids))
  const summaries = new Map<string, CreditSummary>()
  for (const [bidId, id] of Object.entries(ids)) {
    const snapshot = snapshots.get(id)
    if (snapshot) summaries.set(bidId, creditSummaryOf(snapshot))
  }
  return summaries
}
