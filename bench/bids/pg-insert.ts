// The baseline of `npm run bench:bids`, in its own process: N single-row INSERT transactions (autocommit:
// each statement commits on its own, like `INSERT …; COMMIT`) through `pg` at concurrency C into a
// scratch table with a jsonb payload the size of a bid body. Prints {count, seconds, perSecond} as JSON.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

interface InsertPlan {
  readonly url: string
  readonly count: number
  readonly concurrency: number
  readonly payloadBytes: number
}

async function main(plan: InsertPlan): Promise<void> {
  const pool = new pg.Pool({ connectionString: plan.url, max: plan.concurrency })
  await pool.query(
    'create table bench_insert_scratch (id bigserial primary key, payload jsonb not null, created_at timestamptz not null default now())',
  )
  try {
    // Open every connection first, as the server's pool is open before its window.
    await Promise.all(Array.from({ length: plan.concurrency }, () => pool.query('select 1')))
    const filler = randomBytes(Math.ceil((plan.payloadBytes * 3) / 4)).toString('base64url')
    const payload = JSON.stringify({ jwe: filler.slice(0, Math.max(1, plan.payloadBytes - 10)) })
    let next = 0
    const worker = async () => {
      while (next++ < plan.count) {
        await pool.query('insert into bench_insert_scratch (payload) values ($1)', [payload])
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: plan.concurrency }, worker))
    const seconds = (performance.now() - started) / 1000
    console.log(JSON.stringify({ count: plan.count, seconds, perSecond: plan.count / seconds }))
  } finally {
    await pool.query('drop table bench_insert_scratch')
    await pool.end()
  }
}

const raw = process.argv[2]
if (!raw) {
  console.error('usage: pg-insert.ts <plan json>')
  process.exit(2)
}
await main(JSON.parse(raw) as InsertPlan)
