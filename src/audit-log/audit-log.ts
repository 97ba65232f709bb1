// The append-only audit log of reference-data changes (电子招标投标办法 Art 49: who, when, from where, what).
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'

export interface AuditEntry {
  readonly at: Date
  readonly actorUserId: string | null
  readonly actorIp: string | null
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly before: Record<string, unknown> | null
  readonly after: Record<string, unknown> | null
  readonly details?: Record<string, unknown>
}

const hashOf = (value: Record<string, unknown> | null) => (value ? sha256Hex(canonicalJson(value)) : null)

/** Writes one audit entry inside the transaction that makes the change. */
export async function recordAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_ip: entry.actorIp,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_hash: hashOf(entry.before),
      after_hash: hashOf(entry.after),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}
