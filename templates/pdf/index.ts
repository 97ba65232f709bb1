// The layout of each record type (templates/pdf/<record>.ts): what each record says and in what
// order, as blocks the renderer draws. Edit these to change a record's wording or sections.

import { awardNoticeLayout } from './award-notice.ts'
import { awardReportLayout } from './award-report.ts'
import { evaluationReportLayout } from './evaluation-report.ts'
import type { LayoutMeta, RecordLayout } from './layout.ts'
import { openingRecordLayout } from './opening-record.ts'
import type { RecordInput } from './record-input.ts'
import { replayCertificateLayout } from './replay-certificate.ts'
import { unsuccessfulNoticeLayout } from './unsuccessful-notice.ts'

export function layoutFor(input: RecordInput, meta: LayoutMeta): RecordLayout {
  switch (input.type) {
    case 'opening_record':
      return openingRecordLayout(input, meta)
    case 'evaluation_report':
      return evaluationReportLayout(input, meta)
    case 'award_report':
      return awardReportLayout(input, meta)
    case 'award_notice':
      return awardNoticeLayout(input, meta)
    case 'unsuccessful_notice':
      return unsuccessfulNoticeLayout(input, meta)
    case 'replay_certificate':
      return replayCertificateLayout(input, meta)
  }
}
