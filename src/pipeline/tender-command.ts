// The command pipeline (DESIGN §3): one transaction per command. Lock the tender, stamp the event with
// server time, let the machine decide, append to the hash chain, update the projection, run the app's
// follow-ups (timers, records outbox) and the command's own projection, commit.

import type { Kysely, Transaction } from 'kysely'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import type { TenderSnapshot } from '../../state-machines/tender.machine.ts'
import { type Actor, actorMeta } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { appendEvents, type StoredEvent } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import type { Clock } from '../shared/clock.ts'
import { VersionMismatch } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { lockTender, updateTender } from '../tenders/tender-repository.ts'
import { machineSnapshotOf, tenderAfter } from '../tenders/tender-snapshot.ts'
import { decideTransition } from './decide-transition.ts'
import type { CommandFollowUp } from './follow-up.ts'

export type { TenderSnapshot } from '../../state-machines/tender.machine.ts'

/** An event as a command proposes it; the pipeline adds the server time. */
export type ProposedEvent = TenderEvent extends infer E
  ? E extends TenderEvent
    ? Omit<E, 'at'>
    : never
  : never

export interface CommandDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /**
   * What every recorded event sets off in its transaction, in order (src/pipeline-follow-ups.ts builds
   * the list). Required, so that no process runs commands without its timers or its records.
   */
  readonly followUps: readonly CommandFollowUp[]
}

export interface DecideInput {
  readonly trx: Transaction<Database>
  readonly tender: Tender
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
  authorize(tender: Tender, actor: Actor): void
  decide(input: DecideInput): Promise<ProposedEvent> | ProposedEvent
  /** Projection rows beyond the tender's own (bids, questions …), in the same transaction. */
  project?(input: ProjectInput): Promise<R>
}

export interface CommandOutcome<R> {
  readonly tender: Tender
  readonly snapshot: TenderSnapshot
  readonly event: StoredEvent
  readonly result: R | undefined
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
    const snapshot = machineSnapshotOf(tender)
    const proposed = await command.decide({ trx, tender, snapshot, at })
    const event = { ...proposed, at: at.toISOString() } as TenderEvent
    const next = decideTransition(snapshot, event)
    const { type, ...data } = event
    const [stored] = await appendEvents(trx, tenderStreamId(tender.id), tender.version, [
      { type, data, meta: actorMeta(command.actor), recordedAt: at },
    ])
    const updated = tenderAfter(tender, next, at)
    await updateTender(trx, updated)
    for (const followUp of deps.followUps) {
      await followUp(trx, { tender, event: stored!, before: snapshot, next, at })
    }
    const result = await command.project?.({ trx, tender, snapshot, at, event: stored!, next })
    return { tender: updated, snapshot: next, event: stored!, result }
  })
}

/** If-Match: a client that last saw another version is told so (412) before anything is decided. */
export function assertVersion(tender: Pick<Tender, 'version'>, ifMatch: number | undefined): void {
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
