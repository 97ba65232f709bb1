// The candidate publicity, the result and the award notice as a visitor reads them: the tender (a
// draft is a 404), its events up to its version, the bidders' names, and the pure cuts of publicity.ts.
import { eventsUpToVersion } from '../award/award-events.ts'
import { roundsOfCurrentVote } from '../award/ballots.ts'
import { organisationNames } from '../evaluation/expert-pool.ts'
import type { Tender } from '../tenders/tender.ts'
import { findPublicTender, type NoticeDeps, publicRecords, purchaserName } from './public-tender.ts'
import { awardNotice, awardResult, candidatePublicity } from './publicity.ts'

async function bidderNames(deps: NoticeDeps, tender: Tender) {
  const ids = [...new Set(tender.context.openedBids.map((bid) => bid.bidderOrgId))]
  return organisationNames(deps.db, ids)
}

/** What every notice page heads with: the project, its purchaser and state. */
async function noticeHead(deps: NoticeDeps, tender: Tender) {
  const { reference, title } = tender.context.particulars
  return {
    tenderId: tender.id,
    reference,
    title,
    state: tender.state,
    purchaser: await purchaserName(deps, tender),
  }
}

export type NoticeHead = Awaited<ReturnType<typeof noticeHead>>

export async function readCandidatePublicity(deps: NoticeDeps, tenderId: string) {
  const tender = await findPublicTender(deps, tenderId)
  const events = await eventsUpToVersion(deps.db, tender)
  const names = await bidderNames(deps, tender)
  return {
    head: await noticeHead(deps, tender),
    publicity: candidatePublicity(tender.state, tender.context, events, names),
  }
}

export async function readAwardResult(deps: NoticeDeps, tenderId: string) {
  const tender = await findPublicTender(deps, tenderId)
  const events = await eventsUpToVersion(deps.db, tender)
  const rounds = roundsOfCurrentVote({ state: tender.state, context: tender.context }, events)
  const names = await bidderNames(deps, tender)
  const result = awardResult(tender.state, tender.context, rounds, names)
  const records = await publicRecords(deps, tender)
  return {
    head: await noticeHead(deps, tender),
    result,
    // A public record certifying the decision, if the platform signs one.
    records: result === null ? [] : records.filter((r) => r.certifiedEvent.type === 'DECIDE'),
  }
}

export async function readAwardNotice(deps: NoticeDeps, tenderId: string) {
  const tender = await findPublicTender(deps, tenderId)
  const notice = awardNotice(tender.context, await bidderNames(deps, tender))
  const records = await publicRecords(deps, tender)
  return {
    head: await noticeHead(deps, tender),
    notice,
    records: notice === null ? [] : records.filter((r) => r.type === 'award_notice'),
  }
}
