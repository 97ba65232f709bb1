// GET …/evaluation: the committee, the draw proof, declarations, per-bid score summaries, rejections,
// the candidates and the report, cut to what the reader may see.

import type { Kysely } from 'kysely'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Actor } from '../auth/actor.ts'
import type { CreditSummary } from '../credit/credit-summary.ts'
import { openingCreditSummaries } from '../credit/opening-credit.ts'
import type { Database } from '../db/schema.ts'
import { readStream } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import type { Tender } from '../tenders/tender.ts'
import { type EvaluationReader, evaluationReader } from './evaluation-access.ts'
import { type EvaluationRecord, foldEvaluationRecord, summariseScores } from './evaluation-record.ts'
import { organisationNames, userDisplayNames } from './expert-pool.ts'

interface Reading {
  readonly reader: EvaluationReader
  readonly actor: Actor
  readonly context: TenderContext
  readonly record: EvaluationRecord
}

/**
 * 法 Art 37: names stay confidential until the result, so the purchaser and oversight see them once a
 * report exists; an expert sees only their own name, never the others'.
 */
function showsName(reading: Reading, expertId: string): boolean {
  if (expertId === reading.actor.userId) return true
  return reading.reader !== 'member' && reading.record.everReported
}

/**
 * Score summaries: oversight always; the purchaser once the report stands; an expert once they have
 * scored themselves, so nobody's marks lean on the others'.
 */
function showsScores({ reader, actor, context, record }: Reading): boolean {
  if (reader === 'oversight' || record.report !== null) return true
  return reader === 'member' && context.scoredExperts.includes(actor.userId)
}

function committeeView(reading: Reading, names: Map<string, string>) {
  const { context } = reading
  return context.expertCommittee.map((expertId) => ({
    expertId,
    displayName: showsName(reading, expertId) ? (names.get(expertId) ?? null) : null,
    you: expertId === reading.actor.userId,
    declared: context.declaredExperts.includes(expertId),
    scored: context.scoredExperts.includes(expertId),
  }))
}

function bidsView(reading: Reading, bidderNames: Map<string, string>, credit: Map<string, CreditSummary>) {
  const { context } = reading
  const scoresShown = showsScores(reading)
  return context.openedBids.map((bid) => {
    const rejected = context.rejectedBids.some((r) => r.bidId === bid.bidId)
    const marks = context.scores.filter((s) => s.bidId === bid.bidId).map((s) => s.score)
    return {
      bidId: bid.bidId,
      bidderOrgId: bid.bidderOrgId,
      bidderName: bidderNames.get(bid.bidderOrgId) ?? null,
      outcome: bid.outcome,
      priceFen: bid.priceFen,
      rejected,
      scores: scoresShown && bid.outcome === 'opened' && !rejected ? summariseScores(marks) : null,
      // The opening's credit snapshot under the tender's policy: flags for the committee (DESIGN §7).
      credit: credit.get(bid.bidId) ?? null,
    }
  })
}

function candidatesView(context: TenderContext, bidderNames: Map<string, string>) {
  const ranked = context.rulePack?.candidates.ranked ?? false
  return context.candidates.map((bidId, index) => {
    const bid = context.openedBids.find((b) => b.bidId === bidId)
    return {
      rank: ranked ? index + 1 : null,
      bidId,
      bidderOrgId: bid?.bidderOrgId ?? null,
      bidderName: bid ? (bidderNames.get(bid.bidderOrgId) ?? null) : null,
      priceFen: bid?.priceFen ?? null,
    }
  })
}

export async function evaluationView(db: Kysely<Database>, tender: Tender, actor: Actor) {
  const reader = evaluationReader(tender, actor)
  const context = tender.context
  const events = await readStream(db, tenderStreamId(tender.id))
  const record = foldEvaluationRecord(events)
  const credit = await openingCreditSummaries(db, events.findLast((e) => e.type === 'OPEN')?.data)
  const reading: Reading = { reader, actor, context, record }
  const expertNames = await userDisplayNames(db, context.expertCommittee)
  const bidderNames = await organisationNames(db, [...new Set(context.openedBids.map((b) => b.bidderOrgId))])
  const { report } = record
  return {
    tenderId: tender.id,
    state: tender.state,
    version: tender.version,
    committee: committeeView(reading, expertNames),
    draw: record.draw,
    declarations: record.declarations,
    bids: bidsView(reading, bidderNames, credit),
    rejections: context.rejectedBids.map(({ bidId, ground, expertId }) => ({ bidId, ground, expertId })),
    candidates: candidatesView(context, bidderNames),
    reportedAt: report?.submittedAt ?? null,
    summary: report?.summary ?? null,
    dissent: report?.dissent ?? [],
    publicityEndsAt: context.publicityEndsAt,
  }
}
