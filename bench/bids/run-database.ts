// A fresh PostgreSQL database per run (created from the admin DATABASE_URL, dropped at the end), migrated
// and seeded with the project's own functions, plus B bidder organisations with valid USCCs.
import pg from 'pg'
import { importCreditFile } from '../../src/credit/import-credit.ts'
import { completeUscc } from '../../src/credit/uscc.ts'
import { type DatabaseHandle, openPostgres } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { stableId } from '../../src/organisations/demo-directory.ts'
import { seedDemoDirectory } from '../../src/organisations/seed-demo-directory.ts'
import { systemClock } from '../../src/shared/clock.ts'

export interface RunDatabase {
  readonly name: string
  readonly url: string
  drop(): Promise<void>
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function createRunDatabase(adminUrl: string): Promise<RunDatabase> {
  const name = `youxuan_bench_bids_${Date.now()}_${process.pid}`
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`))
    },
  }
}

export interface BenchBidder {
  readonly orgId: string
  readonly userId: string
  readonly uscc: string
}

/** USCC: 91 (enterprise) + 440605 (Nanhai) + an 8-character organisation-code body, checks completed. */
const bidderUscc = (i: number) => completeUscc(`91440605BN${String(i).padStart(6, '0')}`)

export async function insertBidders(handle: DatabaseHandle, count: number): Promise<BenchBidder[]> {
  const at = new Date()
  const bidders = Array.from({ length: count }, (_, i) => ({
    orgId: stableId('org', `bench-bidder-${i}`),
    userId: stableId('usr', `bench-bidder-${i}`),
    uscc: bidderUscc(i),
  }))
  await handle.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values(
        bidders.map((b, i) => ({
          id: b.orgId,
          uscc: b.uscc,
          name: `压测投标人${i + 1}有限公司（基准测试）`,
          name_en: `Bench bidder ${i + 1} Co. (benchmark)`,
          kind: 'bidder' as const,
          created_at: at,
        })),
      )
      .execute()
    await trx
      .insertInto('users')
      .values(
        bidders.map((b, i) => ({
          id: b.userId,
          username: `bench-bidder-${i + 1}`,
          display_name: `压测投标人${i + 1}`,
          org_id: b.orgId,
          roles: ['bidder'],
          specialty: null,
          created_at: at,
        })),
      )
      .execute()
  })
  return bidders
}

/** Opens the run database, migrates and seeds it, and adds the bidders. */
export async function prepareRunDatabase(
  url: string,
  bidderCount: number,
): Promise<{ handle: DatabaseHandle; bidders: BenchBidder[] }> {
  const handle = openPostgres({ url, maxConnections: 4 })
  await migrateToLatest(handle.db)
  await seedDemoDirectory(handle.db, systemClock)
  const bidders = await insertBidders(handle, bidderCount)
  await importRegister(handle, bidders)
  return { handle, bidders }
}

/**
 * A credit register as a trading centre would hold one: 2,000 entries about other organisations, and a
 * past administrative penalty for every tenth bidder (a flag, never a refusal). Without one every lookup
 * answers 'unavailable', which no deployment runs with.
 */
async function importRegister(handle: DatabaseHandle, bidders: readonly BenchBidder[]): Promise<void> {
  const lines = ['uscc,kind,reference,name,authority,start,end,detail,grade']
  for (let i = 0; i < 2000; i++) {
    const uscc = completeUscc(`91440605${String(90_000_000 + i).padStart(8, '0')}`)
    lines.push(`${uscc},penalty,佛建罚〔2025〕${i}号,其他企业${i},佛山市住房和城乡建设局,2025-03-01,,测试,`)
  }
  for (const [i, bidder] of bidders.entries()) {
    if (i % 10 === 9)
      lines.push(`${bidder.uscc},penalty,佛建罚〔2025〕B${i}号,,佛山市住房和城乡建设局,2025-06-01,,测试,`)
  }
  const at = new Date()
  await importCreditFile(handle.db, 'bench-register.csv', `${lines.join('\n')}\n`, {
    strict: true,
    importedBy: 'bench',
    at,
  })
}
