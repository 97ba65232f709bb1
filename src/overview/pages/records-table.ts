// The signed records open to the viewer: what each is, when issued, its downloads (PDF and JWS, in the
// page scope) and its verification verdict in words.
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { OverviewRecord } from '../overview-read.ts'

export function recordsTable(ctx: PageContext, records: readonly OverviewRecord[]): SafeHtml {
  const t = ctx.t.overview
  if (records.length === 0) return html`<p>${t.recordsNone}</p>`
  const name = (record: OverviewRecord) => t.recordTypes[record.type]
  return dataTable({
    caption: t.recordsCaption(records.length),
    columns: [
      { header: t.recordType, cell: (record: OverviewRecord) => name(record) },
      { header: t.issuedAt, cell: (record) => timeTag(record.issuedAt, ctx.locale) },
      {
        header: t.verification,
        cell: (record) =>
          record.verdict.valid
            ? html`<strong class="verdict-ok">${t.verified}</strong>`
            : html`<strong class="verdict-bad">${t.notVerified(t.verdicts[record.verdict.verdict])}</strong>`,
      },
      {
        header: t.download,
        cell: (record) => {
          const base = `/records/${encodeURIComponent(record.recordId)}`
          return html`<a href="${attrUrl(`${base}/pdf`)}">PDF</a>
          · <a href="${attrUrl(`${base}/jws`)}">JWS</a>`
        },
      },
    ],
    rows: records,
  })
}
