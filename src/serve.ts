// `youxuan serve`: open the database, build the app, listen, and shut down cleanly on a signal.
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { describeKekSource } from './keys/kek.ts'
import { tenderCommandDeps } from './pipeline-follow-ups.ts'
import { startRecordWorker } from './records/record-worker.ts'
import { openRuntime } from './runtime.ts'
import { openSandbox } from './sandbox/sandbox-clock.ts'
import { systemClock } from './shared/clock.ts'
import { startIdempotencyExpiry } from './submission/idempotency-expiry.ts'
import { startTimerWorker } from './timers/timer-worker.ts'

/** Resolves to -1: the server keeps the process alive until a signal. */
export async function serve(config: Config): Promise<number> {
  const started = performance.now()
  const runtime = await openRuntime(config, systemClock)
  // Tokens and keys keep real time (a sandbox jump must not expire a login); tenders run on `clock`.
  const sandbox = config.sandboxClock ? await openSandbox(runtime.database.db) : undefined
  const clock = sandbox?.clock ?? systemClock
  const app = await buildApp({
    db: runtime.database.db,
    dbKind: runtime.database.kind,
    clock,
    ...(sandbox ? { sandbox } : {}),
    tokens: runtime.tokens,
    keys: runtime.keys,
    devLogin: config.devLogin,
    bodyLimit: config.bodyLimit,
    bidBodyLimit: config.bidBodyLimit,
    credit: config.credit,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
  })
  const kek = describeKekSource(runtime.kekOrigin)
  app.log[kek.level](
    { kek: runtime.kekOrigin.source, kekPath: runtime.kekOrigin.path ?? undefined },
    kek.message,
  )
  await app.listen({ port: config.port, host: config.host })
  // Overdue timers (a restart during a deadline) fire on the worker's first tick.
  const timers = startTimerWorker({
    ...tenderCommandDeps(runtime.database.db, clock),
    log: app.log,
    ...(sandbox ? { lock: sandbox.lock } : {}),
  })
  const housekeeping = startIdempotencyExpiry({ db: runtime.database.db, clock, log: app.log })
  // Records due before a restart are made on the first tick (once each); a job a killed process had
  // claimed waits until its claim lapses (RECORD_LEASE_MS).
  const records = startRecordWorker({
    db: runtime.database.db,
    clock,
    keys: runtime.keys,
    log: app.log,
  })
  app.log.info(
    {
      url: `http://localhost:${config.port}`,
      docs: `http://localhost:${config.port}/docs`,
      database: runtime.database.kind,
      location: runtime.database.location,
      dataDir: runtime.database.kind === 'pglite' ? config.dataDir : undefined,
      migrationsApplied: runtime.migrationsApplied,
      devLogin: config.devLogin,
      sandboxClock: sandbox ? clock.now().toISOString() : undefined,
      startupMs: Math.round(performance.now() - started),
    },
    'youxuan is serving',
  )
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    await timers.stop()
    await housekeeping.stop()
    await records.stop()
    await app.close()
    await runtime.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  return -1
}
