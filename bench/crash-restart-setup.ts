// Setup for `npm run bench:crash`: a scratch database on the DATABASE_URL server, migrated and seeded,
// bidder organisations with tokens, and a tender published "21 days ago" whose deadline is seconds away.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Role } from '../src/auth/actor.ts'
import { createEmbeddedTokenService } from '../src/auth/token-issuer.ts'
import { completeUscc } from '../src/credit/uscc.ts'
import { type DatabaseHandle, openPostgres } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import type { Kek } from '../src/keys/kek.ts'
import { DEMO_USERS } from '../src/organisations/demo-directory.ts'
import { seedDemoDirectory } from '../src/organisations/seed-demo-directory.ts'
import { tenderCommandDeps } from '../src/pipeline-follow-ups.ts'
import { DAY_MS, manualClock, systemClock } from '../src/shared/clock.ts'
import { createTender } from '../src/tendering/create-tender.ts'
import { publishTender } from '../src/tendering/tender-commands.ts'

export interface ScratchDatabase {
  readonly url: string
  readonly handle: DatabaseHandle
  drop(): Promise<void>
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A new database on the server of `adminUrl`, migrated and seeded with the demo directory. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `youxuan_crash_${randomBytes(5).toString('hex')}`
  await admin(adminUrl, `create database ${name}`)
  const parsed = new URL(adminUrl)
  parsed.pathname = `/${name}`
  const url = parsed.toString()
  const handle = openPostgres({ url, maxConnections: 4 })
  await migrateToLatest(handle.db)
  await seedDemoDirectory(handle.db, systemClock)
  return {
    url,
    handle,
    async drop() {
      await handle.close()
      await admin(adminUrl, `drop database if exists ${name} with (force)`)
    },
  }
}

/** `count` bidder organisations, each with one user, and a bearer token per bidder. */
export async function createBidders(db: DatabaseHandle['db'], count: number): Promise<string[]> {
  const at = new Date()
  const orgs = Array.from({ length: count }, (_, i) => {
    const code = String(i).padStart(6, '0')
    return {
      id: `org_${randomBytes(16).toString('hex')}`,
      uscc: completeUscc(`91440605MB${code}`),
      name: `压测投标人${code}（演示）`,
      name_en: `Bench bidder ${code}`,
      kind: 'bidder' as const,
      created_at: at,
    }
  })
  const users = orgs.map((org, i) => ({
    id: `usr_${randomBytes(16).toString('hex')}`,
    username: `bench-bidder-${i}`,
    display_name: `压测投标人${i}`,
    org_id: org.id,
    roles: ['bidder'],
    specialty: null,
    created_at: at,
  }))
  for (let i = 0; i < count; i += 500) {
    await db
      .insertInto('organisations')
      .values(orgs.slice(i, i + 500))
      .execute()
    await db
      .insertInto('users')
      .values(users.slice(i, i + 500))
      .execute()
  }
  const tokens = await createEmbeddedTokenService(db, systemClock)
  return Promise.all(
    users.map((u) => tokens.issue({ userId: u.id, orgId: u.org_id, roles: ['bidder'] }, 3600)),
  )
}

const purchaser = DEMO_USERS.find((u) => u.username === 'purchaser')!

/**
 * Published with a clock 21 days in the past, so the rule pack's 20-day minimum holds for a deadline
 * `deadlineInMs` from now; the PUBLISH transaction also schedules the close_bidding timer.
 */
export async function publishTenderClosingSoon(
  db: DatabaseHandle['db'],
  kek: Kek,
  deadlineInMs: number,
): Promise<{ tenderId: string; deadline: string }> {
  const clock = manualClock(new Date(Date.now() - 21 * DAY_MS))
  const deps = { ...tenderCommandDeps(db, clock), keys: { kek } }
  const actor = {
    userId: purchaser.id,
    orgId: purchaser.orgId,
    roles: purchaser.roles as Role[],
    ip: '127.0.0.1',
    requestId: 'bench-crash',
  }
  const tender = await createTender(deps, actor, {
    title: '南海区桂澜路市政道路改造工程施工（压测）',
    reference: `BENCH-${randomBytes(3).toString('hex')}`,
    description: 'kill -9 during the deadline rush',
    category: 'works',
    estimatedValueFen: '3850000000',
    ceilingPriceFen: '4000000000',
  })
  const deadline = new Date(Date.now() + deadlineInMs).toISOString()
  await publishTender(
    deps,
    actor,
    tender.id,
    {
      deadline,
      evaluationMethod: 'comprehensive',
      awardMethod: 'simpleMajority',
      awardFactors: ['投标报价'],
    },
    undefined,
  )
  return { tenderId: tender.id, deadline }
}
