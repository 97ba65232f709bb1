// What kinds of signed record there are, the event each certifies (printed on it and signed in its
// JWS) and where a record is verified (printed on every page). Pure.

export const RECORD_TYPES = [
  'opening_record', // 开标记录, after OPEN
  'evaluation_report', // 评标报告, after SUBMIT_REPORT
  'award_report', // 定标报告, after DECIDE
  'award_notice', // 中标通知书, after ISSUE_AWARD_NOTICE, addressed to the winner
  'unsuccessful_notice', // 中标结果通知书 to each unsuccessful bidder, after ISSUE_AWARD_NOTICE
  'replay_certificate', // the tender's history summary with its chain head, after a final state
] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** The event a record certifies: it is printed on the record and signed in its JWS. */
export interface CertifiedEvent {
  readonly streamId: string
  readonly seq: number
  readonly hash: string
  readonly type: string
  /** Server time of the event, UTC ISO-8601; the record's only date ("issued at"). */
  readonly recordedAt: string
}

/** Where a record can be verified, printed on every page as the verification hint. */
export function verificationHint(recordId: string): { readonly path: string; readonly command: string } {
  return {
    path: `/api/v1/records/${recordId}/verify`,
    command: `youxuan verify ${recordId}.pdf --jws ${recordId}.jws`,
  }
}
