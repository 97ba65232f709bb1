// What every tender command sets off after its event, in the command's own transaction, built once for
// every process that runs commands (the app, the timer worker, the sandbox clock, the demo, tests): the
// pending timers follow the new state, then the signed records the event calls for are queued in the
// outbox (DESIGN §6); the command's own `project` runs after these.
import type { Kysely } from 'kysely'
import type { TenderEventType } from '../state-machines/tender.events.ts'
import { tenderStateOf } from '../state-machines/tender.machine.ts'
import type { Database } from './db/schema.ts'
import type { CommandFollowUp } from './pipeline/follow-up.ts'
import type { CommandDeps } from './pipeline/tender-command.ts'
import { enqueueRecords } from './records/records-outbox.ts'
import type { Clock } from './shared/clock.ts'
import { syncTimers } from './timers/sync-timers.ts'

const syncTenderTimers: CommandFollowUp = (trx, { tender, event, next, at }) =>
  syncTimers(
    trx,
    tender.id,
    { state: tenderStateOf(next), context: next.context, event: event.type as TenderEventType },
    at,
  )

const enqueueTenderRecords: CommandFollowUp = async (trx, { event, before, next }) => {
  await enqueueRecords(trx, event, tenderStateOf(before), tenderStateOf(next), next.context)
}

/** In this order: timers, then the records outbox. */
export const PIPELINE_FOLLOW_UPS: readonly CommandFollowUp[] = Object.freeze([
  syncTenderTimers,
  enqueueTenderRecords,
])

/** The pipeline's dependencies on `db` and `clock`, with the follow-ups every process shares. */
export function tenderCommandDeps(db: Kysely<Database>, clock: Clock): CommandDeps {
  return { db, clock, followUps: PIPELINE_FOLLOW_UPS }
}
