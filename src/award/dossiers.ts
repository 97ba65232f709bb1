// The candidate dossiers (定标资料) every award member reads: bidder, declared price, evaluation summary,
// credit. Nothing is stored but their hash (FREEZE_DOSSIERS): they are recomputed from the events, the
// organisations and the credit snapshots the events reference, and a changed hash means something under
// the committee's feet moved.
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Actor } from '../auth/actor.ts'
import type { CreditLookups } from '../credit/credit-lookups.ts'
import { snapshotIdsOf } from '../credit/credit-summary.ts'
import { type DossierCreditField, dossierCredit, prepareDossierCredit } from '../credit/dossier-credit.ts'
import { recordPreparedCredit } from '../credit/opening-credit.ts'
import { canonicalJson } from '../events/canonical-json.ts'
import type { StoredEvent } from '../events/event-store.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { assertAvailable } from '../pipeline/early-refusal.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { Conflict } from '../shared/errors.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { authorizeAwardReader } from './award-access.ts'
import { type BidderOrganisation, organisationsByIds } from './award-directory.ts'
import { eventsUpToVersion, lastEventOf, stampedAt } from './award-events.ts'

export interface CandidateDossier {
  readonly bidId: string
  readonly bidderOrgId: string | null
  readonly bidderName: string | null
  readonly bidderUscc: string | null
  readonly priceFen: string | null
  readonly evaluation: { scoreCount: number; mean: string | null; min: string | null; max: string | null }
  /** One snapshot per candidate taken at the freeze, with the opening's at the cut-off beside it. */
  readonly credit: DossierCreditField
}

/** Dossiers frozen before credit checks existed: the same text, so their hashes still check. */
const NOT_CHECKED: DossierCreditField = {
  status: 'not_checked',
  note: 'credit lookups come with the credit issue',
}

type DossierContext = Pick<TenderContext, 'candidates' | 'openedBids' | 'scores'>

/** Scores as strings with two decimals, so the hash never depends on float printing quirks. */
function evaluationSummary(context: DossierContext, bidId: string): CandidateDossier['evaluation'] {
  const scores = context.scores.filter((s) => s.bidId === bidId).map((s) => s.score)
  if (scores.length === 0) return { scoreCount: 0, mean: null, min: null, max: null }
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length
  const fixed = (value: number) => value.toFixed(2)
  return {
    scoreCount: scores.length,
    mean: fixed(mean),
    min: fixed(Math.min(...scores)),
    max: fixed(Math.max(...scores)),
  }
}

/**
 * One dossier per candidate. The candidates are the evaluation's, which at the freeze are exactly the
 * active ones (nobody has declined or been voted out yet); unlike the active set they stay the same
 * through re-votes and declines, so the hash stays checkable for the whole award.
 */
export function buildDossiers(
  context: DossierContext,
  organisations: ReadonlyMap<string, BidderOrganisation>,
  credit: ReadonlyMap<string, DossierCreditField> = new Map(),
): CandidateDossier[] {
  return context.candidates.map((bidId) => {
    const bid = context.openedBids.find((b) => b.bidId === bidId)
    const org = bid ? organisations.get(bid.bidderOrgId) : undefined
    return {
      bidId,
      bidderOrgId: bid?.bidderOrgId ?? null,
      bidderName: org?.name ?? null,
      bidderUscc: org?.uscc ?? null,
      priceFen: bid?.priceFen ?? null,
      evaluation: evaluationSummary(context, bidId),
      credit: credit.get(bidId) ?? NOT_CHECKED,
    }
  })
}

export function dossierHashOf(dossiers: readonly CandidateDossier[]): string {
  return sha256Hex(canonicalJson(dossiers))
}

/** `creditIds`: the freeze's snapshot per candidate (FREEZE_DOSSIERS' creditSnapshotIds). */
async function computeDossiers(
  db: CommandDeps['db'],
  context: DossierContext,
  events: readonly StoredEvent[],
  creditIds: Record<string, string>,
): Promise<CandidateDossier[]> {
  const orgIds = context.openedBids
    .filter((b) => context.candidates.includes(b.bidId))
    .map((b) => b.bidderOrgId)
  const credit = await dossierCredit(db, lastEventOf(events, 'OPEN')?.data, creditIds)
  return buildDossiers(context, await organisationsByIds(db, orgIds), credit)
}

export async function freezeDossiers(
  deps: CommandDeps & { readonly credit: CreditLookups },
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
) {
  // The lookups run before the transaction (for the tender's own purchaser only); their snapshots are
  // stored in it, referenced by the event.
  authorizeOwnPurchaser(await findTender(deps.db, tenderId), actor)
  const credit = await prepareDossierCredit(deps, actor, tenderId)
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: async ({ trx, tender, snapshot, at }) => {
      // Nothing is computed for dossiers that could not be frozen now (no committee, frozen already).
      assertAvailable(snapshot, 'FREEZE_DOSSIERS', at)
      const creditSnapshotIds = await recordPreparedCredit(trx, credit, snapshot.context.candidates)
      const events = await eventsUpToVersion(trx, tender)
      const dossiers = await computeDossiers(trx, snapshot.context, events, creditSnapshotIds)
      // creditSnapshotIds: the machine ignores it; it binds the snapshots to the hash chain.
      const event = {
        type: 'FREEZE_DOSSIERS' as const,
        dossierHash: dossierHashOf(dossiers),
        creditSnapshotIds,
      }
      return event
    },
  })
}

export async function readDossiers(deps: CommandDeps, actor: Actor, tenderId: string) {
  const tender = await findTender(deps.db, tenderId)
  authorizeAwardReader(tender, actor)
  const { context } = tender
  if (context.dossierHash === null) {
    throw new Conflict('the dossiers are not frozen yet', {}, 'dossiers_not_frozen')
  }
  const events = await eventsUpToVersion(deps.db, tender)
  const frozen = lastEventOf(events, 'FREEZE_DOSSIERS')
  const dossiers = await computeDossiers(deps.db, context, events, snapshotIdsOf(frozen?.data))
  const recomputed = dossierHashOf(dossiers)
  if (recomputed !== context.dossierHash) {
    throw new Conflict(
      'the dossiers no longer match the hash frozen for the committee',
      {
        frozenHash: context.dossierHash,
        recomputedHash: recomputed,
      },
      'dossiers_changed',
    )
  }
  return { dossierHash: recomputed, frozenAt: frozen ? stampedAt(frozen) : null, dossiers }
}
