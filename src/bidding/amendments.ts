// Amendments (澄清/修改) to the tender documents: one less than amendmentLeadDays before the deadline
// must move the deadline to at least that far out (法 Art 23, 条例 Art 21). Every bidder and, once the
// tender is published, the public read them all with their dates.

import type { Kysely } from 'kysely'
import { addLimitDays } from '../../state-machines/day-count.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { readStreamOfTypes } from '../events/event-store.ts'
import { RuleViolation } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { assertVisible, authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { type CommandDeps, executeTenderCommand } from '../tenders/tender-command.ts'
import { findTender, tenderStreamId } from '../tenders/tender-repository.ts'

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
    decide: ({ tender, snapshot, at }) => {
      const newDeadline = request.newDeadline ? new Date(request.newDeadline).toISOString() : null
      if (tender.state === 'bidding') assertLeadTime(snapshot.context, at, newDeadline)
      return { type: 'AMEND', amendmentId, summary: request.summary, newDeadline }
    },
    project: async () => ({ id: amendmentId }),
  })
}

/** Says which rule refuses and the earliest deadline it allows, rather than only that the machine did. */
function assertLeadTime(context: TenderContext, at: Date, newDeadline: string | null): void {
  const { rulePack: pack, deadline } = context
  // Past the deadline the machine refuses every amendment; leave that answer to it.
  if (pack === null || deadline === null || at.getTime() >= Date.parse(deadline)) return
  const lead = pack.limits.amendmentLeadDays
  const earliest = addLimitDays(at.toISOString(), lead, pack)
  if (Date.parse(deadline) >= Date.parse(earliest)) return
  if (newDeadline !== null && Date.parse(newDeadline) >= Date.parse(earliest)) return
  throw new RuleViolation(
    `an amendment less than ${lead.value} days before the deadline must move the deadline to ${earliest} or later (${lead.source})`,
    { deadline, earliestDeadline: earliest },
    'amendment_needs_extension',
  )
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
