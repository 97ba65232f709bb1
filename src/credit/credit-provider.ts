// One interface for every credit source, and the combined lookup over several. A provider never
// throws: whatever goes wrong comes back as a report whose status says what happened.
import type { Clock } from '../shared/clock.ts'
import {
  type CombinedCreditReport,
  type CreditReport,
  type CreditSource,
  combineReports,
  failedReport,
} from './credit-report.ts'

export interface CreditProvider {
  readonly source: CreditSource
  /** What the source knows about the subject, asked about the moment `at`. */
  lookup(uscc: string, at: Date): Promise<CreditReport>
}

/** Asks every provider at once; each answer keeps its source, and one missing answer makes it incomplete. */
export async function lookupCredit(
  providers: readonly CreditProvider[],
  uscc: string,
  at: Date,
  clock: Clock,
): Promise<CombinedCreditReport> {
  const queriedAt = clock.now().toISOString()
  const answers = await Promise.all(
    providers.map((provider) =>
      provider
        .lookup(uscc, at)
        .catch((error: unknown) =>
          failedReport(
            { uscc, at: at.toISOString(), source: provider.source, queriedAt },
            'unavailable',
            `the provider failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
    ),
  )
  return combineReports(uscc, at.toISOString(), queriedAt, answers)
}
