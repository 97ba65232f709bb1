// GET tenders/{id}/history/bids: every bid stream of the tender with its hash chain, once the bids are
// opened. Before the opening nobody reads them: who bid stays secret until then (法 Art 22, 电子办法 Art 27).
import type { Kysely } from 'kysely'
import { type Actor, hasRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { RuleViolation } from '../shared/errors.ts'
import { bidsOpened } from './bid-streams.ts'
import { authorizeAuditReader, historyEvent, readTenderWithBidStreams } from './history.ts'

export async function readBidHistory(db: Kysely<Database>, actor: Actor, tenderId: string) {
  const { tender, events, bidStreams } = await readTenderWithBidStreams(db, tenderId)
  authorizeAuditReader(tender, actor)
  if (!bidsOpened(events)) {
    throw new RuleViolation(
      'the bid streams stay sealed until the bids are opened',
      { state: tender.state },
      'bids_not_opened',
    )
  }
  const verbatim = hasRole(actor, 'auditor', 'supervisor')
  return {
    tenderId: tender.id,
    streams: bidStreams.map(({ streamId, events: stream }) => {
      const last = stream.at(-1)
      return {
        streamId,
        events: stream.map((event) => historyEvent(event, null, verbatim)),
        head: last ? { seq: last.seq, hash: last.hash } : null,
      }
    }),
  }
}
