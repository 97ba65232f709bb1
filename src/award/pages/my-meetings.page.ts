// My meetings (我的定标会): each award meeting the viewer sits on or follows, where it stands and what it
// needs next, linking to the meeting. Never a ballot.
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { readMyMeetings } from '../my-meetings.ts'

export type MeetingItem = Awaited<ReturnType<typeof readMyMeetings>>['items'][number]

/** "第 2 轮：投票中", or that voting has not started. */
export function roundText(ctx: PageContext, round: number, status: 'pending' | 'open' | 'closed'): string {
  const t = ctx.t.meetings
  return round < 1 ? t.roundNone : t.round(round, t.roundStatuses[status])
}

export function myMeetingsPage(ctx: PageContext, items: readonly MeetingItem[]): SafeHtml {
  const t = ctx.t.meetings
  const table = items.length
    ? dataTable({
        caption: t.caption(items.length),
        columns: [
          {
            header: t.project,
            cell: (item: MeetingItem) =>
              html`<a href="${attrUrl(`/meetings/${item.tenderId}`)}">${item.reference} ${item.title}</a>`,
          },
          { header: t.state, cell: (item) => stateChip(ctx, item.state) },
          { header: t.myPart, cell: (item) => t.parts[item.part] },
          { header: t.roundStatus, cell: (item) => roundText(ctx, item.round, item.roundStatus) },
          { header: t.nextStep, cell: (item) => (item.next ? t.next[item.next.action] : t.nothingNext) },
        ],
        rows: items,
      })
    : html`<p>${t.none}</p>`
  return layout(ctx, { title: t.title, body: table })
}
