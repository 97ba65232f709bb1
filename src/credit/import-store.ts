// Storing validated credit records in the local register as they are read: in the import's transaction,
// multi-row upserts in batches, keyed by (uscc, kind, reference). A row whose content is unchanged is left
// alone, so a re-import changes nothing; the import itself is recorded (credit_imports) and audit-logged.
import { sql, type Transaction } from 'kysely'
import { recordAudit } from '../audit-log/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { newId } from '../shared/ids.ts'
import type { RegisterRecord } from './import-rows.ts'

/** What is known of an import when it starts. */
export interface ImportStart {
  readonly fileName: string
  readonly strict: boolean
  /** The user id, or 'cli'. */
  readonly importedBy: string
  readonly at: Date
}

/** What is known once the whole file is read. */
export interface ImportEnd {
  readonly fileSha256: string
  readonly rowsTotal: number
  readonly rowsBad: number
}

export interface StoredImport {
  readonly importId: string
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

/**
 * One batch as one multi-row upsert. The rows travel as one JSON parameter (jsonb_to_recordset), so a
 * batch needs no thousands of bind parameters; a row is updated only if something in it differs.
 */
async function upsertBatch(
  trx: Transaction<Database>,
  batch: readonly RegisterRecord[],
  importId: string,
  at: Date,
): Promise<{ inserted: number; updated: number }> {
  const { rows } = await sql<{ inserted: string | number; changed: string | number }>`
    with upserted as (
      insert into credit_records (uscc, kind, reference, subject_name, authority, starts_on, ends_on, detail,
        grade, import_id, imported_at)
      select r.uscc, r.kind, r.reference, r."subjectName", r.authority, r."startsOn", r."endsOn", r.detail,
        r.grade, ${importId}::text, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(uscc text, kind text, reference text,
        "subjectName" text, authority text, "startsOn" date, "endsOn" date, detail text, grade text)
      on conflict (uscc, kind, reference) do update set subject_name = excluded.subject_name,
        authority = excluded.authority, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
        detail = excluded.detail, grade = excluded.grade, import_id = excluded.import_id,
        imported_at = excluded.imported_at
      where (credit_records.subject_name, credit_records.authority, credit_records.starts_on,
          credit_records.ends_on, credit_records.detail, credit_records.grade)
        is distinct from (excluded.subject_name, excluded.authority, excluded.starts_on, excluded.ends_on,
          excluded.detail, excluded.grade)
      -- xmax = 0 only on a freshly inserted row; an unchanged row returns nothing.
      returning (xmax = 0) as fresh)
    select count(*) filter (where fresh) as inserted, count(*) as changed from upserted`.execute(trx)
  const inserted = Number(rows[0]?.inserted ?? 0)
  return { inserted, updated: Number(rows[0]?.changed ?? 0) - inserted }
}

export const IMPORT_BATCH_ROWS = 2000

export interface RegisterImport {
  /** Adds a record; a full batch is stored at once. */
  add(record: RegisterRecord): Promise<void>
  /** Records written to the register so far (a batch still filling is not). */
  stored(): number
  /** Stores the last batch, then records the import with its counts and audit-logs it. */
  finish(end: ImportEnd): Promise<StoredImport>
}

/** Starts an import inside `trx`: the credit_imports row first (the records refer to it), counts at the end. */
export async function startRegisterImport(
  trx: Transaction<Database>,
  start: ImportStart,
): Promise<RegisterImport> {
  const importId = newId('cri')
  await trx
    .insertInto('credit_imports')
    .values({
      id: importId,
      file_name: start.fileName,
      file_sha256: '', // known once the file is read; set with the counts
      strict: start.strict,
      rows_total: 0,
      rows_bad: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      imported_by: start.importedBy,
      imported_at: start.at,
    })
    .execute()
  let batch: RegisterRecord[] = []
  let stored = 0
  let inserted = 0
  let updated = 0
  const flush = async () => {
    if (batch.length === 0) return
    const counts = await upsertBatch(trx, batch, importId, start.at)
    stored += batch.length
    batch = []
    inserted += counts.inserted
    updated += counts.updated
  }
  return {
    async add(record) {
      batch.push(record)
      if (batch.length >= IMPORT_BATCH_ROWS) await flush()
    },
    stored: () => stored,
    async finish(end) {
      await flush()
      const done = { importId, inserted, updated, unchanged: stored - inserted - updated }
      await recordImport(trx, start, end, done)
      return done
    },
  }
}

async function recordImport(
  trx: Transaction<Database>,
  start: ImportStart,
  end: ImportEnd,
  { importId, inserted, updated, unchanged }: StoredImport,
): Promise<void> {
  await trx
    .updateTable('credit_imports')
    .set({
      file_sha256: end.fileSha256,
      rows_total: end.rowsTotal,
      rows_bad: end.rowsBad,
      inserted,
      updated,
      unchanged,
    })
    .where('id', '=', importId)
    .execute()
  await recordAudit(trx, {
    at: start.at,
    actorUserId: start.importedBy === 'cli' ? null : start.importedBy,
    actorIp: null,
    action: 'credit.imported',
    entity: 'credit_import',
    entityId: importId,
    before: null,
    after: { fileSha256: end.fileSha256, rows: inserted + updated + unchanged, inserted, updated, unchanged },
    details: {
      fileName: start.fileName,
      rowsTotal: end.rowsTotal,
      rowsBad: end.rowsBad,
      via: start.importedBy,
    },
  })
}
