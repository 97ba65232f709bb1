// One lookup as the process uses it: ask every provider, judge the answers at the cut-off under the
// policy, and make the snapshot (stored by the caller, inside its own transaction when it has one).
import type { Kysely } from 'kysely'
import type { CreditPolicy } from '../../state-machines/rule-pack.ts'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { newId } from '../shared/ids.ts'
import { judgeCredit } from './credit-policy.ts'
import { type CreditProvider, lookupCredit } from './credit-provider.ts'
import { creditProvidersFor } from './credit-providers.ts'
import { type CreditSnapshot, makeSnapshot, type SnapshotRequest } from './credit-snapshot.ts'

export interface CreditDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** Default: the providers configured for this database handle. */
  readonly providers?: readonly CreditProvider[]
}

export const newSnapshotId = () => newId('csn')

export async function takeSnapshot(
  deps: CreditDeps,
  uscc: string,
  request: SnapshotRequest,
  policy: CreditPolicy,
  cutoffAt: string,
): Promise<CreditSnapshot> {
  const providers = deps.providers ?? creditProvidersFor(deps.db, deps.clock)
  const report = await lookupCredit(providers, uscc, new Date(cutoffAt), deps.clock)
  return makeSnapshot(newSnapshotId(), request, report, judgeCredit(report, policy, cutoffAt), cutoffAt)
}
