// From the tender's events and the directory to what a record says, checking first that the event the
// request certifies is the one recorded (same seq, same hash) and of the type the record follows. Pure.

import { foldTenderStream } from '../../../state-machines/tender.fold.ts'
import type { RecordInput } from '../../../templates/pdf/record-input.ts'
import type { RecordType } from '../../../templates/pdf/record-kinds.ts'
import type { StoredEvent } from '../../events/event-store.ts'
import { Conflict } from '../../shared/errors.ts'
import type { RecordRequest } from '../record-types.ts'
import { awardReportInput } from './award-input.ts'
import { evaluationReportInput } from './evaluation-input.ts'
import { creditSnapshotRefs } from './input-parts.ts'
import { awardNoticeInput, unsuccessfulNoticeInput } from './notice-inputs.ts'
import { openingRecordInput } from './opening-input.ts'
import type { RecordDirectory } from './record-directory.ts'
import type { RecordSource } from './record-source.ts'
import { replayCertificateInput } from './replay-input.ts'

/** The event each record follows; the replay certificate may certify any event (usually a final one). */
export const CERTIFIED_EVENT_TYPE: Record<RecordType, string | null> = {
  opening_record: 'OPEN',
  evaluation_report: 'SUBMIT_REPORT',
  award_report: 'DECIDE',
  award_notice: 'ISSUE_AWARD_NOTICE',
  unsuccessful_notice: 'ISSUE_AWARD_NOTICE',
  replay_certificate: null,
}

const BUILDERS: { [T in RecordType]: (source: RecordSource) => RecordInput } = {
  opening_record: openingRecordInput,
  evaluation_report: evaluationReportInput,
  award_report: awardReportInput,
  award_notice: awardNoticeInput,
  unsuccessful_notice: unsuccessfulNoticeInput,
  replay_certificate: replayCertificateInput,
}

/** `stream` is the tender's whole stream (or any prefix reaching the certified event). */
export function buildRecordInput(
  request: RecordRequest,
  stream: readonly StoredEvent[],
  directory: RecordDirectory,
): RecordInput {
  const { seq, hash } = request.certified
  const events = stream.filter((event) => event.seq <= seq)
  const certified = events.at(-1)
  if (certified === undefined || certified.seq !== seq || certified.hash !== hash) {
    throw new Conflict(
      `event ${seq} of tender ${request.tenderId} is not the one the record request certifies`,
      { seq, hash, recordedHash: certified?.seq === seq ? certified.hash : null },
      'certified_event_mismatch',
    )
  }
  const expected = CERTIFIED_EVENT_TYPE[request.type]
  if (expected !== null && certified.type !== expected) {
    throw new Conflict(
      `a ${request.type} certifies a ${expected} event, not ${certified.type}`,
      { expected, found: certified.type },
      'certified_event_mismatch',
    )
  }
  const fold = foldTenderStream(events)
  const context = fold.snapshot?.context
  if (context === undefined) {
    throw new Conflict(`the stream of tender ${request.tenderId} does not start with TENDER_CREATED`)
  }
  return BUILDERS[request.type]({ request, events, fold, context, certified, directory })
}

/** The organisations and users a record may name: everyone the events mention. */
export function mentionedIds(
  request: RecordRequest,
  events: readonly StoredEvent[],
): { orgIds: string[]; userIds: string[]; snapshotIds: string[] } {
  const orgIds = new Set<string>()
  const userIds = new Set<string>()
  if (request.recipientOrgId !== null) orgIds.add(request.recipientOrgId)
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string') set.add(value)
  }
  for (const event of events) {
    const { data } = event
    add(orgIds, data.purchaserOrgId)
    if (event.type === 'OPEN')
      for (const bid of data.bids as { bidderOrgId: string }[]) add(orgIds, bid.bidderOrgId)
    if (Array.isArray(data.members)) for (const member of data.members) add(userIds, member)
    add(userIds, data.expertId)
    add(userIds, data.memberId)
    add(userIds, data.userId)
    if (Array.isArray(data.dissent))
      for (const d of data.dissent as { expertId: unknown }[]) add(userIds, d.expertId)
    add(userIds, event.meta.userId)
  }
  const snapshotIds = creditSnapshotRefs(events).map((ref) => ref.snapshotId)
  return { orgIds: [...orgIds].sort(), userIds: [...userIds].sort(), snapshotIds: snapshotIds.sort() }
}
