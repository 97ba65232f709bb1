// CREATE: a new tender stream whose first event (TENDER_CREATED) carries the machine's input.

import { initialTransition } from 'xstate'
import type { TenderInput, TenderParticulars } from '../../state-machines/tender.events.ts'
import { tenderMachine, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { type Actor, actorMeta, requireRole } from '../auth/actor.ts'
import { appendEvents } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { newId } from '../shared/ids.ts'
import type { Tender } from '../tenders/tender.ts'
import { insertTender } from '../tenders/tender-repository.ts'

export async function createTender(
  deps: CommandDeps,
  actor: Actor,
  particulars: TenderParticulars,
): Promise<Tender> {
  requireRole(actor, 'purchaser', 'agent')
  const at = deps.clock.now()
  const input: TenderInput = {
    tenderId: newId('tnd'),
    purchaserOrgId: actor.orgId,
    createdAt: at.toISOString(),
    particulars,
  }
  const [snapshot] = initialTransition(tenderMachine, input)
  const tender: Tender = {
    id: input.tenderId,
    purchaserOrgId: actor.orgId,
    state: tenderStateOf(snapshot),
    version: 1,
    context: snapshot.context,
    createdAt: at,
    updatedAt: at,
  }
  return deps.db.transaction().execute(async (trx) => {
    await insertTender(trx, tender)
    await appendEvents(trx, tenderStreamId(input.tenderId), 0, [
      { type: 'TENDER_CREATED', data: { ...input }, meta: actorMeta(actor), recordedAt: at },
    ])
    return tender
  })
}
