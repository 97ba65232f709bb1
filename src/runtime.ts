// Opens what a process needs from configuration: the database (migrated), the token service, seeds.
import path from 'node:path'
import { createEmbeddedTokenService, createOidcTokenService, type TokenService } from './auth/token-issuer.ts'
import type { Config } from './config.ts'
import { lockDataFolder } from './db/data-folder-lock.ts'
import { type DatabaseHandle, openPglite, openPostgres } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { type LoadedKek, loadKek } from './keys/kek.ts'
import { createPlatformKeys, type PlatformKeys } from './keys/platform-keys.ts'
import { seedDemoDirectory } from './organisations/seed-demo-directory.ts'
import type { Clock } from './shared/clock.ts'

export interface Runtime {
  readonly database: DatabaseHandle
  readonly tokens: TokenService
  readonly keys: PlatformKeys
  /** Where the key-encryption key came from, for the start-up log. */
  readonly kekOrigin: LoadedKek
  readonly migrationsApplied: string[]
  close(): Promise<void>
}

export async function openDatabase(
  config: Config,
): Promise<{ database: DatabaseHandle; release: () => void }> {
  if (config.databaseUrl) return { database: openPostgres({ url: config.databaseUrl }), release: () => {} }
  const release = lockDataFolder(config.dataDir)
  try {
    return { database: await openPglite(path.join(config.dataDir, 'pglite')), release }
  } catch (error) {
    release()
    throw error
  }
}

export async function openRuntime(config: Config, clock: Clock): Promise<Runtime> {
  // Before the database: production without YOUXUAN_KEK is refused before anything is touched.
  const kekOrigin = await loadKek({
    kekBase64: config.kekBase64,
    dataDir: config.dataDir,
    production: config.production,
  })
  const { database, release } = await openDatabase(config)
  try {
    const { applied } = await migrateToLatest(database.db)
    if (!config.production) await seedDemoDirectory(database.db, clock)
    const tokens =
      config.production && config.oidc
        ? createOidcTokenService(config.oidc.jwksUrl, config.oidc.issuer, clock)
        : await createEmbeddedTokenService(database.db, clock)
    const keys = await createPlatformKeys(database.db, kekOrigin.kek, clock)
    return {
      database,
      tokens,
      keys,
      kekOrigin,
      migrationsApplied: applied,
      close: async () => {
        await database.close()
        release()
      },
    }
  } catch (error) {
    await database.close()
    release()
    throw error
  }
}
