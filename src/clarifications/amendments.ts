// Amendments (澄清/修改) to the tender documents: one less than amendmentLeadDays before the deadline
// must move the deadline to at least that far out (法 Art 23, 条例 Art 21). Every bidder and, once the
// tender is published, the public read them all with their dates.

import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { readStreamOfTypes } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { newId } from '../shared/ids.ts'
import { assertVisible, authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'

export interface AmendmentRequest {
  readonly summary: string
  readonly newDeadline?: string | undefined
}

export function amendTender(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  request: AmendmentRequest,
  ifMatch: number | undefined,
) {
  const amendmentId = newId('amd')
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    // The lead time (amendmentLeadDays) is the machine's rule: it names the earliest deadline allowed.
    decide: () => {
      const newDeadline = request.newDeadline ? new Date(request.newDeadline).toISOString() : null
      return { type: 'AMEND', amendmentId, summary: request.summary, newDeadline }
    },
    project: async () => ({ id: amendmentId }),
  })
}

/** One amendment as bidders and the public read it: what changed, when, and the deadline it set. */
export interface AmendmentView {
  readonly amendmentId: string
  readonly seq: number
  readonly recordedAt: string
  readonly summary: string
  readonly newDeadline: string | null
}

/** Every amendment of a tender the reader may see (a hidden draft reads as 404), oldest first. */
export async function readAmendments(
  db: Kysely<Database>,
  actor: Actor | null,
  tenderId: string,
): Promise<AmendmentView[]> {
  assertVisible(await findTender(db, tenderId), actor)
  const events = await readStreamOfTypes(db, tenderStreamId(tenderId), ['AMEND'])
  return events.map(({ seq, recordedAt, data }) => ({
    amendmentId: String(data.amendmentId),
    seq,
    recordedAt,
    summary: String(data.summary),
    newDeadline: typeof data.newDeadline === 'string' ? data.newDeadline : null,
  }))
}
