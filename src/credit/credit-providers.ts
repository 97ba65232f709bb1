// The credit providers an installation asks, made from its configuration. buildApp sets them per
// database handle (like the other per-handle caches), so every capability that checks credit — bid
// submission, opening, dossiers, the API and the CLI — asks the same sources with the same breaker and
// cache. A handle nobody configured asks the local register.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { type CreditConfig, DEFAULT_CREDIT_CONFIG } from './credit-config.ts'
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

const configured = new WeakMap<Kysely<Database>, readonly CreditProvider[]>()

/** Sets the providers every credit lookup on this database handle uses. */
export function useCreditProviders(db: Kysely<Database>, providers: readonly CreditProvider[]): void {
  configured.set(db, providers)
}

/** The providers for this handle: as set, or the local register. */
export function creditProvidersFor(db: Kysely<Database>, clock: Clock): readonly CreditProvider[] {
  const providers = configured.get(db)
  if (providers) return providers
  const local = createCreditProviders(DEFAULT_CREDIT_CONFIG, db, clock)
  configured.set(db, local)
  return local
}
