// The credit providers an installation asks, made from its configuration. buildApp makes them once
// (credit-lookups.ts) and hands them to every capability that checks credit — bid submission, opening,
// dossiers, the API — so all ask the same sources with the same breaker and cache; the CLI makes its own.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import type { CreditConfig } from './credit-config.ts'
import type { CreditProvider } from './credit-provider.ts'
import { httpCreditProvider } from './http-provider.ts'
import { localCreditProvider } from './local-provider.ts'

export function createCreditProviders(
  config: CreditConfig,
  db: Kysely<Database>,
  clock: Clock,
): CreditProvider[] {
  return config.providers.map((kind) => {
    if (kind === 'local') return localCreditProvider(db, clock)
    if (!config.http) throw new Error('the http credit provider is on but has no configuration')
    return httpCreditProvider({ id: 'http', ...config.http, clock })
  })
}
