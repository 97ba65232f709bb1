// A tender's credit terms as declared at PUBLISH (the rule pack's policy travels in the event): the
// app's credit lookups remember them per tender once published (credit-lookups.ts), since a published
// pack never changes. The cut-off depends on the deadline, which can move, so callers pass the deadline
// they hold.
import type { Kysely } from 'kysely'
import type { CreditPolicy, RulePack } from '../../state-machines/rule-pack.ts'
import type { Database } from '../db/schema.ts'
import { readRulePack } from '../tenders/tender-context-repository.ts'
import { DESCRIPTIVE_CREDIT_POLICY } from './credit-policy.ts'

export interface TenderCreditTerms {
  readonly policy: CreditPolicy
  /** False for a pack published before credit policies (then nothing is refused). */
  readonly declared: boolean
  readonly rulePackId: string | null
  readonly rulePackVersion: string | null
}

/** The terms of a tender's (published) rule pack; unpublished tenders get the descriptive policy. */
export function creditTermsOfPack(
  pack: Pick<RulePack, 'id' | 'version' | 'credit'> | null,
): TenderCreditTerms {
  const policy = pack?.credit
  return {
    policy: policy ?? DESCRIPTIVE_CREDIT_POLICY,
    declared: policy !== undefined,
    rulePackId: pack?.id ?? null,
    rulePackVersion: pack?.version ?? null,
  }
}

/** A tender's terms, and whether they are fixed (its pack is published, so they may be remembered). */
export async function readCreditTerms(db: Kysely<Database>, tenderId: string) {
  const pack = await readRulePack(db, tenderId)
  return { terms: creditTermsOfPack(pack), fixed: pack !== null } // a draft's pack is not yet fixed
}
