// The local provider (the embedded default): the credit register in our own database, filled by
// `youxuan credit import`. One indexed query per lookup, shared by the lookups made at the same time. A
// register never imported knows nothing, so it answers 'unavailable', never a clean record.
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import type { Clock } from '../shared/clock.ts'
import { microBatcher } from '../shared/micro-batcher.ts'
import type { CreditProvider } from './credit-provider.ts'
import { failedReport } from './credit-report.ts'
import { LOCAL_SOURCE, type RegisterRow, reportFromRegister } from './register-rows.ts'

interface LookupRow {
  readonly dataAsOf: Date | string | null
  readonly rows: RegisterRow[] | string
}

/** The register's entries for several codes in one query: one row per code, in the codes' order. */
async function readRegisters(db: Kysely<Database>, usccs: readonly string[]): Promise<LookupRow[]> {
  const result = await sql<LookupRow>`
    select (select max(imported_at) from credit_imports) as "dataAsOf",
      coalesce((
        select jsonb_agg(jsonb_build_object('kind', kind, 'reference', reference,
          'subjectName', subject_name, 'authority', authority, 'startsOn', starts_on::text,
          'endsOn', ends_on::text, 'detail', detail, 'grade', grade) order by kind, reference)
        from credit_records r where r.uscc = u.uscc), '[]'::jsonb) as "rows"
    from jsonb_array_elements_text(${JSON.stringify(usccs)}::jsonb) with ordinality as u(uscc, ord)
    order by u.ord`.execute(db)
  return result.rows
}

export function localCreditProvider(db: Kysely<Database>, clock: Clock): CreditProvider {
  // Lookups arriving together (a deadline rush, an opening) share one query.
  const readRegister = microBatcher((usccs: readonly string[]) => readRegisters(db, usccs), {
    maxBatch: 200,
    maxInFlight: 2,
  })
  return {
    source: LOCAL_SOURCE,
    async lookup(uscc, at) {
      const base = { uscc, at: at.toISOString(), source: LOCAL_SOURCE, queriedAt: clock.now().toISOString() }
      let found: LookupRow | undefined
      try {
        found = await readRegister(uscc)
      } catch (error) {
        return failedReport(
          base,
          'unavailable',
          `the credit register could not be read: ${(error as Error).message}`,
        )
      }
      if (!found || found.dataAsOf === null) {
        return failedReport(
          base,
          'unavailable',
          'the local credit register is empty: nothing was ever imported',
        )
      }
      const rows = typeof found.rows === 'string' ? (JSON.parse(found.rows) as RegisterRow[]) : found.rows
      const dataAsOf = new Date(found.dataAsOf).toISOString()
      return reportFromRegister(base, rows, dataAsOf, sha256Hex(canonicalJson(rows)))
    },
  }
}
