// The command pipeline (DESIGN §3): one transaction per command. Lock the tender, stamp the event with
// server time, let the machine decide, append to the hash chain, update the projection, commit.

import type { Kysely, Transaction } from 'kysely'
import { type SnapshotFrom, transition } from 'xstate'
import type { Refusal } from '../../state-machines/refusal.ts'
import { allowedEvents, refusalOf } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent, TenderEventType } from '../../state-machines/tender.events.ts'
import { acceptedEventTypes, tenderMachine, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { type Actor, actorMeta } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { appendEvents, type StoredEvent } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { enqueueRecords } from '../records/records-outbox.ts'
import type { Clock } from '../shared/clock.ts'
import { Conflict, IllegalTransition, RuleViolation, VersionMismatch } from '../shared/errors.ts'
import { syncTimers } from '../timers/sync-timers.ts'
import { assertVisible } from './tender-access.ts'
import { lockTender, type TenderRow, updateTenderProjection } from './tender-repository.ts'

export type TenderSnapshot = SnapshotFrom<typeof tenderMachine>

/** An event as a command proposes it; the pipeline adds the server time. */
export type ProposedEvent = TenderEvent extends infer E
  ? E extends TenderEvent
    ? Omit<E, 'at'>
    : never
  : never

export interface CommandDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

export interface DecideInput {
  readonly trx: Transaction<Database>
  readonly tender: TenderRow
  readonly snapshot: TenderSnapshot
  /** The server time this command is stamped with. */
  readonly at: Date
}

export interface ProjectInput extends DecideInput {
  readonly event: StoredEvent
  readonly next: TenderSnapshot
}

export interface TenderCommand<R> {
  readonly tenderId: string
  readonly actor: Actor
  /**
   * The version the client last saw (If-Match); stale → 412. Required, so that no command can drop
   * it: undefined only where no client sent one (no header, "*", a timer).
   */
  readonly ifMatch: number | undefined
  authorize(tender: TenderRow, actor: Actor): void
  decide(input: DecideInput): Promise<ProposedEvent> | ProposedEvent
  /** Projection rows beyond the tender's own (bids, questions …), in the same transaction. */
  project?(input: ProjectInput): Promise<R>
}

export interface CommandOutcome<R> {
  readonly tender: TenderRow
  readonly snapshot: TenderSnapshot
  readonly event: StoredEvent
  readonly result: R | undefined
}

export function restoreSnapshot(stored: Record<string, unknown>): TenderSnapshot {
  return tenderMachine.resolveState(stored as Parameters<typeof tenderMachine.resolveState>[0])
}

export function persistableSnapshot(snapshot: TenderSnapshot): Record<string, unknown> {
  return { value: snapshot.value, context: snapshot.context as unknown as Record<string, unknown> }
}

export async function executeTenderCommand<R>(
  deps: CommandDeps,
  command: TenderCommand<R>,
): Promise<CommandOutcome<R>> {
  return deps.db.transaction().execute(async (trx) => {
    const tender = await lockTender(trx, command.tenderId, 'update')
    // Who may act comes before anything is said about the tender: a hidden draft reads as missing,
    // then the command's own authorisation, then the version, and only then the state and the rules.
    assertVisible(tender, command.actor)
    command.authorize(tender, command.actor)
    assertVersion(tender, command.ifMatch)
    const at = deps.clock.now()
    const snapshot = restoreSnapshot(tender.snapshot)
    const proposed = await command.decide({ trx, tender, snapshot, at })
    const event = { ...proposed, at: at.toISOString() } as TenderEvent
    const next = decideTransition(snapshot, event)
    const { type, ...data } = event
    const [stored] = await appendEvents(trx, tenderStreamId(tender.id), tender.version, [
      { type, data, meta: actorMeta(command.actor), recordedAt: at },
    ])
    const updated = await projectTender(trx, tender, next, at)
    await syncTimers(trx, tender.id, { state: tenderStateOf(next), context: next.context, event: type }, at)
    // The signed records this event calls for, as outbox jobs committed with the event (DESIGN §6).
    await enqueueRecords(trx, stored!, tenderStateOf(snapshot), tenderStateOf(next), next.context)
    const result = await command.project?.({ trx, tender, snapshot, at, event: stored!, next })
    return { tender: updated, snapshot: next, event: stored!, result }
  })
}

/** If-Match: a client that last saw another version is told so (412) before anything is decided. */
export function assertVersion(tender: Pick<TenderRow, 'version'>, ifMatch: number | undefined): void {
  if (ifMatch === undefined || ifMatch === tender.version) return
  throw new VersionMismatch(`the tender is at version ${tender.version}, not ${ifMatch}`, {
    currentVersion: tender.version,
  })
}

/** The commonest command: one event with fixed fields, sent by whoever `authorize` admits. */
export function recordTenderEvent(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  authorize: TenderCommand<unknown>['authorize'],
  event: ProposedEvent,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, { tenderId, actor, ifMatch, authorize, decide: () => event })
}

/** Runs the machine: 409 when the state has no such event, 422 when a guard refuses this one. */
export function decideTransition(snapshot: TenderSnapshot, event: TenderEvent): TenderSnapshot {
  assertStateTakes(snapshot, event.type, event.at)
  if (!snapshot.can(event)) {
    const state = tenderStateOf(snapshot)
    const allowed = allowedEvents(snapshot, event.at)
    const refusal = refusalOf(snapshot, event)
    if (refusal) throw refusalError(refusal, { state, allowed })
    throw new RuleViolation(`the rules refuse ${event.type} for this tender in state "${state}"`, {
      state,
      allowed,
    })
  }
  const [next] = transition(tenderMachine, snapshot, event)
  return next
}

/** The 409 of a state with no transition for `type`, naming the events the machine would accept at `at`. */
export function assertStateTakes(snapshot: TenderSnapshot, type: TenderEventType, at: string): void {
  if (acceptedEventTypes(snapshot).includes(type)) return
  const state = tenderStateOf(snapshot)
  throw new IllegalTransition(`a tender in state "${state}" does not accept ${type}`, {
    state,
    allowed: allowedEvents(snapshot, at),
  })
}

/** The 422 of a refusal the machine names (409 for a conflict): its code, and the rule, limit and source. */
export function refusalError(refusal: Refusal, extra: Record<string, unknown>): RuleViolation | Conflict {
  const { code, message, rule, limit, source, field, details, conflict } = refusal
  const facts = { rule, limit, source, ...(field ? { field } : {}), ...details, ...extra }
  return conflict ? new Conflict(message, facts, code) : new RuleViolation(message, facts, code)
}

async function projectTender(
  trx: Transaction<Database>,
  tender: TenderRow,
  next: TenderSnapshot,
  at: Date,
): Promise<TenderRow> {
  const context = next.context
  const projection = {
    state: tenderStateOf(next),
    version: tender.version + 1,
    title: context.particulars.title,
    reference: context.particulars.reference,
    deadline: context.deadline,
    publishedAt: context.publishedAt,
    snapshot: persistableSnapshot(next),
    updatedAt: at,
  }
  await updateTenderProjection(trx, tender.id, projection)
  return {
    ...tender,
    state: projection.state,
    version: projection.version,
    title: projection.title,
    reference: projection.reference,
    deadline: projection.deadline ? new Date(projection.deadline) : null,
    published_at: projection.publishedAt ? new Date(projection.publishedAt) : null,
    snapshot: projection.snapshot,
    updated_at: at,
  }
}
