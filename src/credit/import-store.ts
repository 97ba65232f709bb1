// Storing validated credit records in the local register: one transaction, multi-row upserts in
// batches, keyed by (uscc, kind, reference). A row whose content is unchanged is left alone, so a
// re-import changes nothing; the import itself is recorded (credit_imports) and audit-logged.
import { type Kysely, sql, type Transaction } from 'kysely'
import { recordAudit } from '../audit-log/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { newId } from '../shared/ids.ts'
import type { RegisterRecord } from './import-rows.ts'

export interface ImportMeta {
  readonly fileName: string
  readonly fileSha256: string
  readonly strict: boolean
  readonly rowsTotal: number
  readonly rowsBad: number
  /** The user id, or 'cli'. */
  readonly importedBy: string
  readonly at: Date
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

/** Stores the records (all of them or, on any error, none); `onProgress` after every batch. */
export async function storeRegisterRecords(
  db: Kysely<Database>,
  records: readonly RegisterRecord[],
  meta: ImportMeta,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<StoredImport> {
  const importId = newId('cri')
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('credit_imports')
      .values({
        id: importId,
        file_name: meta.fileName,
        file_sha256: meta.fileSha256,
        strict: meta.strict,
        rows_total: meta.rowsTotal,
        rows_bad: meta.rowsBad,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        imported_by: meta.importedBy,
        imported_at: meta.at,
      })
      .execute()
    let inserted = 0
    let updated = 0
    for (let start = 0; start < records.length; start += IMPORT_BATCH_ROWS) {
      const counts = await upsertBatch(
        trx,
        records.slice(start, start + IMPORT_BATCH_ROWS),
        importId,
        meta.at,
      )
      inserted += counts.inserted
      updated += counts.updated
      onProgress(Math.min(start + IMPORT_BATCH_ROWS, records.length), records.length)
    }
    const unchanged = records.length - inserted - updated
    await trx
      .updateTable('credit_imports')
      .set({ inserted, updated, unchanged })
      .where('id', '=', importId)
      .execute()
    await recordAudit(trx, {
      at: meta.at,
      actorUserId: meta.importedBy === 'cli' ? null : meta.importedBy,
      actorIp: null,
      action: 'credit.imported',
      entity: 'credit_import',
      entityId: importId,
      before: null,
      after: { fileSha256: meta.fileSha256, rows: records.length, inserted, updated, unchanged },
      details: {
        fileName: meta.fileName,
        rowsTotal: meta.rowsTotal,
        rowsBad: meta.rowsBad,
        via: meta.importedBy,
      },
    })
    return { importId, inserted, updated, unchanged }
  })
}
