// What the pipeline does after it recorded an event, in the command's transaction: the app hands the
// follow-ups in (the timers, the records outbox), so the pipeline knows none of those capabilities.
import type { Transaction } from 'kysely'
import type { TenderSnapshot } from '../../state-machines/tender.machine.ts'
import type { Database } from '../db/schema.ts'
import type { StoredEvent } from '../events/event-store.ts'
import type { Tender } from '../tenders/tender.ts'

/** One recorded step of a tender: the tender as the command found it, its event, before and after. */
export interface RecordedStep {
  readonly tender: Tender
  readonly event: StoredEvent
  readonly before: TenderSnapshot
  readonly next: TenderSnapshot
  /** The server time the event is stamped with. */
  readonly at: Date
}

/** Runs after the projection is updated and before the command's own `project`, in list order. */
export type CommandFollowUp = (trx: Transaction<Database>, step: RecordedStep) => Promise<void>
