// The tender's event timeline, oldest first as the hash chain runs: seq, time, the event in words, who
// acted (a withheld bidder stays withheld) and the hash prefix.
import type { HistoryEvent } from '../../audit/history.ts'
import { WITHHELD } from '../../audit-log/withheld-identity.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { Overview } from '../overview-read.ts'

const HASH_PREFIX = 12

export function actorText(ctx: PageContext, overview: Overview, event: HistoryEvent): string {
  const { userId, orgId } = event.actor
  if (userId === WITHHELD || orgId === WITHHELD) return ctx.t.overview.withheld
  const user = typeof userId === 'string' ? (overview.userNames.get(userId) ?? userId) : null
  const org = typeof orgId === 'string' ? (overview.orgNames.get(orgId) ?? null) : null
  if (user === null) return ctx.t.overview.system
  return org ? `${user}（${org}）` : user
}

export function timeline(ctx: PageContext, overview: Overview): SafeHtml {
  const t = ctx.t.overview
  const events = overview.history
  if (events === null) return html`<p>${t.timelineClosed}</p>`
  return dataTable({
    caption: t.timelineCaption(events.length),
    columns: [
      { header: t.seq, cell: (event: HistoryEvent) => String(event.seq), numeric: true },
      { header: t.time, cell: (event) => timeTag(event.recordedAt, ctx.locale) },
      { header: t.event, cell: (event) => t.events[event.type] ?? event.type },
      { header: t.who, cell: (event) => actorText(ctx, overview, event) },
      {
        header: t.hash,
        cell: (event) => html`<code class="hash">${event.hash.slice(0, HASH_PREFIX)}</code>`,
      },
    ],
    rows: events,
  })
}
