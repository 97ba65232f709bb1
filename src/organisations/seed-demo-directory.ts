// Seeds the demo directory idempotently; every row it creates is also written to the audit log.
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit-log/audit-log.ts'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo-directory.ts'

export async function seedDemoDirectory(db: Kysely<Database>, clock: Clock): Promise<{ created: number }> {
  if (await isSeeded(db)) return { created: 0 }
  return db.transaction().execute(async (trx) => {
    const at = clock.now()
    let created = 0
    for (const o of DEMO_ORGANISATIONS) {
      const row = { id: o.id, uscc: o.uscc, name: o.name, name_en: o.nameEn, kind: o.kind, created_at: at }
      const inserted = await trx
        .insertInto('organisations')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (inserted) {
        created++
        await recordAudit(trx, seeded('organisation', o.id, row, at))
      }
    }
    for (const u of DEMO_USERS) {
      const row = {
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        org_id: u.orgId,
        roles: u.roles,
        specialty: u.specialty,
        created_at: at,
      }
      const inserted = await trx
        .insertInto('users')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (inserted) {
        created++
        await recordAudit(trx, seeded('user', u.id, row, at))
      }
    }
    return { created }
  })
}

async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const ids = DEMO_USERS.map((u) => u.id)
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow()
  return Number(row.n) === ids.length
}

function seeded(entity: string, entityId: string, after: Record<string, unknown>, at: Date) {
  const { created_at: _createdAt, ...content } = after
  return {
    at,
    actorUserId: null,
    actorIp: null,
    action: `${entity}.created`,
    entity,
    entityId,
    before: null,
    after: content,
    details: { source: 'demo seed' },
  }
}
