// A tender as every capability sees it: who owns it, where its machine stands, at which version. The
// database row (columns, snapshot JSON) stays inside the tender repository.
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'

export interface Tender {
  readonly id: string
  /** The purchaser (招标人) organisation that created the tender and owns it. */
  readonly purchaserOrgId: string
  readonly state: TenderState
  /** The seq of the last event of its stream: the tender's ETag. */
  readonly version: number
  /** The machine's context at `version`: particulars, the frozen rule pack, deadline, committees … */
  readonly context: TenderContext
  readonly createdAt: Date
  readonly updatedAt: Date
}
