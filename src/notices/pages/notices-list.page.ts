// The public notices list (公示公告): every published tender with its state and a link to its notices.
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { listPublicTenders } from '../public-tender.ts'
import { noticeUrl } from './notice-parts.ts'

type PublicTenderItem = Awaited<ReturnType<typeof listPublicTenders>>[number]

export function noticesListPage(ctx: PageContext, items: readonly PublicTenderItem[]): SafeHtml {
  const t = ctx.t.notices
  const table = items.length
    ? dataTable({
        caption: t.caption(items.length),
        columns: [
          {
            header: t.name,
            cell: (item: PublicTenderItem) =>
              html`<a href="${attrUrl(noticeUrl(item.id, 'tender'))}">${item.title}</a>`,
          },
          { header: t.reference, cell: (item) => item.reference },
          { header: t.state, cell: (item) => stateChip(ctx, item.state) },
          { header: t.deadline, cell: (item) => timeTag(item.deadline, ctx.locale) },
        ],
        rows: items,
      })
    : html`<p>${t.none}</p>`
  return layout(ctx, { title: t.title, body: html`<p class="lead">${t.intro}</p>${table}` })
}
