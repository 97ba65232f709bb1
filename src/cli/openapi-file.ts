// `youxuan openapi --write|--check`: the committed openapi/openapi.json is generated from the routes.

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { buildApp } from '../app.ts'
import { createEmbeddedTokenService } from '../auth/token-issuer.ts'
import { openPglite } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { kekFromBase64 } from '../keys/kek.ts'
import { createPlatformKeys } from '../keys/platform-keys.ts'
import { systemClock } from '../shared/clock.ts'

export const OPENAPI_FILE = path.resolve('openapi', 'openapi.json')

export async function generateOpenApi(): Promise<string> {
  const database = await openPglite(null)
  try {
    await migrateToLatest(database.db)
    const tokens = await createEmbeddedTokenService(database.db, systemClock)
    // A throwaway KEK: the document depends on the routes, not on any key.
    const keys = await createPlatformKeys(
      database.db,
      kekFromBase64(randomBytes(32).toString('base64')),
      systemClock,
    )
    const app = await buildApp({
      db: database.db,
      dbKind: database.kind,
      clock: systemClock,
      tokens,
      keys,
      devLogin: true,
      bodyLimit: 1024 * 1024,
      logger: false,
    })
    await app.ready()
    const document = JSON.stringify(app.swagger(), null, 2)
    await app.close()
    return `${document}\n`
  } finally {
    await database.close()
  }
}

export async function openApiCommand(args: string[]): Promise<number> {
  const generated = await generateOpenApi()
  if (args.includes('--write')) {
    fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true })
    fs.writeFileSync(OPENAPI_FILE, generated)
    console.log(`wrote ${OPENAPI_FILE}`)
    return 0
  }
  const committed = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : ''
  if (committed !== generated) {
    console.error(`${OPENAPI_FILE} differs from the routes: run \`npm run openapi\` and commit the result`)
    return 1
  }
  console.log('openapi/openapi.json matches the routes')
  return 0
}
