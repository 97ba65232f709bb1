// What the credit checks of one app share, built once by the app and handed down to bid submission,
// opening, dossiers and the API: the sources asked (with their breakers and caches) and the facts that
// never change once known (an organisation's USCC, a published tender's credit terms), remembered so
// that the burst of lookups opening a deadline rush makes one query per key.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { rememberedLookup } from '../shared/remembered-lookup.ts'
import type { CreditProvider } from './credit-provider.ts'
import { readOrganisationUscc } from './organisation-uscc.ts'
import { readCreditTerms, type TenderCreditTerms } from './tender-credit-terms.ts'

export interface CreditLookups {
  /** The sources every lookup asks, in order. */
  readonly providers: readonly CreditProvider[]
  /** The USCC an organisation is registered under (404 for an unknown organisation). */
  readonly organisationUscc: (orgId: string) => Promise<string>
  /** A tender's credit terms (remembered once its rule pack is published; 404 for an unknown tender). */
  readonly tenderCreditTerms: (tenderId: string) => Promise<TenderCreditTerms>
}

export function createCreditLookups(
  db: Kysely<Database>,
  providers: readonly CreditProvider[],
): CreditLookups {
  const termsOnce = rememberedLookup(
    (tenderId) => readCreditTerms(db, tenderId),
    (read) => read.fixed, // a draft's pack is not fixed yet: asked again
  )
  return {
    providers,
    organisationUscc: rememberedLookup((orgId) => readOrganisationUscc(db, orgId)),
    tenderCreditTerms: async (tenderId) => (await termsOnce(tenderId)).terms,
  }
}
