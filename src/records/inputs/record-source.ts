// What every input builder reads: the request, the tender's events up to the certified one, the
// context they fold to, and the directory. Pure.
import type { TenderContext } from '../../../state-machines/tender.context.ts'
import type { TenderFold } from '../../../state-machines/tender.fold.ts'
import type { StoredEvent } from '../../events/event-store.ts'
import type { RecordRequest } from '../record-types.ts'
import type { RecordDirectory } from './record-directory.ts'

export interface RecordSource {
  readonly request: RecordRequest
  /** The stream from seq 1 up to and including the certified event. */
  readonly events: readonly StoredEvent[]
  /** The events folded through the machine: the context before and after each. */
  readonly fold: TenderFold<StoredEvent>
  /** The context right after the certified event. */
  readonly context: TenderContext
  readonly certified: StoredEvent
  readonly directory: RecordDirectory
}
