// The candidate dossiers (定标资料) every award member reads: bidder, declared price, evaluation summary,
// credit. Nothing is stored but their hash (FREEZE_DOSSIERS): they are recomputed from the events and
// the organisations, and a changed hash means something under the committee's feet moved.
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Actor } from '../auth/actor.ts'
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { Conflict, RuleViolation } from '../shared/errors.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { type CommandDeps, executeTenderCommand, restoreSnapshot } from '../tenders/tender-command.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { assertStateAccepts, authorizeAwardReader } from './award-access.ts'
import { type BidderOrganisation, organisationsByIds } from './award-directory.ts'
import { eventsUpToRow, lastEventOf, stampedAt } from './award-events.ts'

export interface CandidateDossier {
  readonly bidId: string
  readonly bidderOrgId: string | null
  readonly bidderName: string | null
  readonly bidderUscc: string | null
  readonly priceFen: string | null
  readonly evaluation: { scoreCount: number; mean: string | null; min: string | null; max: string | null }
  readonly credit: { status: 'not_checked'; note: string }
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
      credit: { status: 'not_checked', note: 'credit lookups come with the credit issue' },
    }
  })
}

export function dossierHashOf(dossiers: readonly CandidateDossier[]): string {
  return sha256Hex(canonicalJson(dossiers))
}

async function computeDossiers(db: CommandDeps['db'], context: DossierContext): Promise<CandidateDossier[]> {
  const orgIds = context.openedBids
    .filter((b) => context.candidates.includes(b.bidId))
    .map((b) => b.bidderOrgId)
  return buildDossiers(context, await organisationsByIds(db, orgIds))
}

export function freezeDossiers(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch?: number) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: async ({ trx, snapshot }) => {
      assertStateAccepts(snapshot, 'FREEZE_DOSSIERS')
      if (snapshot.context.awardCommittee.length === 0) {
        throw new RuleViolation(
          'form the award committee before freezing its dossiers',
          {},
          'committee_not_formed',
        )
      }
      if (snapshot.context.dossierHash !== null) {
        throw new Conflict('the dossiers are already frozen', {}, 'dossiers_already_frozen')
      }
      const dossierHash = dossierHashOf(await computeDossiers(trx, snapshot.context))
      return { type: 'FREEZE_DOSSIERS', dossierHash }
    },
  })
}

export async function readDossiers(deps: CommandDeps, actor: Actor, tenderId: string) {
  const tender = await findTender(deps.db, tenderId)
  authorizeAwardReader(tender, actor)
  const { context } = restoreSnapshot(tender.snapshot)
  if (context.dossierHash === null) {
    throw new Conflict('the dossiers are not frozen yet', {}, 'dossiers_not_frozen')
  }
  const dossiers = await computeDossiers(deps.db, context)
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
  const frozen = lastEventOf(await eventsUpToRow(deps.db, tender), 'FREEZE_DOSSIERS')
  return { dossierHash: recomputed, frozenAt: frozen ? stampedAt(frozen) : null, dossiers }
}
