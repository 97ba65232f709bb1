// CREATE: a new tender stream whose first event (TENDER_CREATED) carries the machine's input.

import { initialTransition } from 'xstate'
import type { TenderInput, TenderParticulars } from '../../state-machines/tender.events.ts'
import { tenderMachine, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { type Actor, actorMeta, requireRole } from '../auth/actor.ts'
import { appendEvents } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { newId } from '../shared/ids.ts'
import { insertTender, type TenderRow } from '../tenders/tender-repository.ts'
import { persistableSnapshot } from '../tenders/tender-snapshot.ts'

export async function createTender(
  deps: CommandDeps,
  actor: Actor,
  particulars: TenderParticulars,
): Promise<TenderRow> {
  requireRole(actor, 'purchaser', 'agent')
  const at = deps.clock.now()
  const input: TenderInput = {
    tenderId: newId('tnd'),
    purchaserOrgId: actor.orgId,
    createdAt: at.toISOString(),
    particulars,
  }
  const [snapshot] = initialTransition(tenderMachine, input)
  return deps.db.transaction().execute(async (trx) => {
    const row = {
      id: input.tenderId,
      purchaserOrgId: actor.orgId,
      createdAt: at,
      state: tenderStateOf(snapshot),
      version: 1,
      title: particulars.title,
      reference: particulars.reference,
      deadline: null,
      publishedAt: null,
      snapshot: persistableSnapshot(snapshot),
      updatedAt: at,
    }
    await insertTender(trx, row)
    await appendEvents(trx, tenderStreamId(input.tenderId), 0, [
      { type: 'TENDER_CREATED', data: { ...input }, meta: actorMeta(actor), recordedAt: at },
    ])
    return {
      id: row.id,
      purchaser_org_id: row.purchaserOrgId,
      reference: row.reference,
      title: row.title,
      state: row.state,
      version: row.version,
      deadline: null,
      published_at: null,
      snapshot: row.snapshot,
      created_at: at,
      updated_at: at,
    }
  })
}
