// Called by the command pipeline after every tender event, in the same transaction: the tender's pending
// timers follow its new state, so a committed deadline always has its timer and a cancelled one none.
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { planTimers, type TenderTimerState } from './schedule-timers.ts'
import { applyTimerPlan, pendingTimersOf } from './timer-repository.ts'

export async function syncTimers(
  trx: Transaction<Database>,
  tenderId: string,
  tender: TenderTimerState,
  at: Date,
): Promise<void> {
  const pending = await pendingTimersOf(trx, tenderId)
  const plan = planTimers(pending, tender)
  if (plan.create.length + plan.move.length + plan.settle.length === 0) return
  await applyTimerPlan(trx, tenderId, plan, at)
}
