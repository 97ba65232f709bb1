// One lookup as the process uses it: ask every provider, judge the answers at the cut-off under the
// policy, and make the snapshot (stored by the caller, inside its own transaction when it has one).
import type { Kysely } from 'kysely'
import type { CreditPolicy } from '../../state-machines/rule-pack.ts'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { newId } from '../shared/ids.ts'
import type { CreditLookups } from './credit-lookups.ts'
import { judgeCredit } from './credit-policy.ts'
import { lookupCredit } from './credit-provider.ts'
import { type CreditSnapshot, makeSnapshot, type SnapshotRequest } from './credit-snapshot.ts'

export interface CreditDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** The app's credit sources and remembered facts (createCreditLookups). */
  readonly credit: CreditLookups
}

export const newSnapshotId = () => newId('csn')

export async function takeSnapshot(
  deps: CreditDeps,
  uscc: string,
  request: SnapshotRequest,
  policy: CreditPolicy,
  cutoffAt: string,
): Promise<CreditSnapshot> {
  const report = await lookupCredit(deps.credit.providers, uscc, new Date(cutoffAt), deps.clock)
  return makeSnapshot(newSnapshotId(), request, report, judgeCredit(report, policy, cutoffAt), cutoffAt)
}
