// Bidders' questions and objections must not name them to the other parties (法 Art 22: potential
// bidders stay confidential), so the tender event's meta carries a withheld identity instead; the
// asker or raiser is kept only in the questions / objections table.
import type { Transaction } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { recordAudit } from './audit-log.ts'

export const WITHHELD = 'withheld'

export function withheldIdentity(actor: Actor): Actor {
  return { userId: WITHHELD, orgId: WITHHELD, roles: ['bidder'], ip: WITHHELD, requestId: actor.requestId }
}

/**
 * Who really acted, and from where (电子招标投标办法 Art 49), goes to the append-only audit log, which
 * only oversight reads, in the same transaction as the withheld event.
 */
export function recordWithheldActor(
  trx: Transaction<Database>,
  actor: Actor,
  entry: { action: string; entity: string; entityId: string; at: Date; content: Record<string, unknown> },
): Promise<void> {
  return recordAudit(trx, {
    at: entry.at,
    actorUserId: actor.userId,
    actorIp: actor.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: null,
    after: entry.content,
    details: { orgId: actor.orgId, requestId: actor.requestId },
  })
}
