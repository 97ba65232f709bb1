// Gathers what a record says from the tender's events up to and including the certified one (plus
// the names and bid facts of the directory), so the same request gives the same input later.

import type { Kysely } from 'kysely'
import type { RecordInput } from '../../../templates/pdf/record-input.ts'
import type { Database } from '../../db/schema.ts'
import { readStream } from '../../events/event-store.ts'
import { tenderStreamId } from '../../events/stream-ids.ts'
import type { RecordRequest } from '../record-types.ts'
import { buildRecordInput, mentionedIds } from './build-record-input.ts'
import { loadRecordDirectory } from './record-directory.ts'

export async function loadRecordInput(db: Kysely<Database>, request: RecordRequest): Promise<RecordInput> {
  const stream = await readStream(db, tenderStreamId(request.tenderId))
  const events = stream.filter((event) => event.seq <= request.certified.seq)
  const { orgIds, userIds, snapshotIds } = mentionedIds(request, events)
  const directory = await loadRecordDirectory(db, request.tenderId, orgIds, userIds, snapshotIds)
  return buildRecordInput(request, events, directory)
}
