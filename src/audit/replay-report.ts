// GET tenders/{id}/replay's answer: the tender's stream verified (chain, machine, draws, records) and
// every bid stream with it. Before the opening the bid streams are checked but only counted.
import type { Actor } from '../auth/actor.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { readRecordEvidence } from '../records/record-repository.ts'
import { bidsOpened, sealedBidStreamsSummary, verifyBidStreams } from './bid-streams.ts'
import { authorizeAuditReader, readTenderWithBidStreams } from './history.ts'
import { verifyTenderStream } from './replay.ts'

export async function replayReport(deps: CommandDeps, actor: Actor, tenderId: string) {
  const { tender, events, bidStreams } = await readTenderWithBidStreams(deps.db, tenderId)
  authorizeAuditReader(tender, actor)
  const { state: value, context } = tender
  const records = await readRecordEvidence(deps.db, tender.id)
  const verified = verifyTenderStream(events, { value, context, version: tender.version }, records)
  const bids = verifyBidStreams(tender.id, events, bidStreams)
  return {
    tenderId: tender.id,
    ...verified,
    ok: verified.ok && bids.ok,
    bidStreams: bidsOpened(events) ? bids : sealedBidStreamsSummary(bids),
  }
}
