// The tender's event timeline, newest first (the latest LATEST_EVENTS unless all are asked for): seq,
// time, the event in words, who acted (a withheld bidder stays withheld) and the hash prefix.
import type { HistoryEvent } from '../../audit/history.ts'
import { WITHHELD } from '../../audit-log/withheld-identity.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'

const HASH_PREFIX = 12
/** How many of the latest events the overview shows unless asked for all (?events=all). */
export const LATEST_EVENTS = 50

export interface TimelineView {
  readonly events: readonly HistoryEvent[]
  /** Who acted, by user id and by organisation id ("withheld" stays withheld). */
  readonly userNames: ReadonlyMap<string, string>
  readonly orgNames: ReadonlyMap<string, string>
}

export function actorText(ctx: PageContext, view: TimelineView, event: HistoryEvent): string {
  const { userId, orgId } = event.actor
  if (userId === WITHHELD || orgId === WITHHELD) return ctx.t.overview.withheld
  const user = typeof userId === 'string' ? (view.userNames.get(userId) ?? userId) : null
  const org = typeof orgId === 'string' ? (view.orgNames.get(orgId) ?? null) : null
  if (user === null) return ctx.t.overview.system
  return org ? `${user}（${org}）` : user
}

export function timeline(ctx: PageContext, view: TimelineView, tenderId: string, all: boolean): SafeHtml {
  const t = ctx.t.overview
  const newestFirst = [...view.events].reverse()
  const shown = all ? newestFirst : newestFirst.slice(0, LATEST_EVENTS)
  const more =
    shown.length < newestFirst.length
      ? html`<p><a href="${attrUrl(`/tenders/${encodeURIComponent(tenderId)}?events=all#timeline`)}">${t.timelineAll(newestFirst.length)}</a></p>`
      : ''
  const table = dataTable({
    caption: t.timelineCaption(newestFirst.length, shown.length),
    columns: [
      { header: t.seq, cell: (event: HistoryEvent) => String(event.seq), numeric: true },
      { header: t.time, cell: (event) => timeTag(event.recordedAt, ctx.locale) },
      { header: t.event, cell: (event) => t.events[event.type] ?? event.type },
      { header: t.who, cell: (event) => actorText(ctx, view, event) },
      {
        header: t.hash,
        cell: (event) => html`<code class="hash-prefix">${event.hash.slice(0, HASH_PREFIX)}</code>`,
      },
    ],
    rows: shown,
  })
  return html`${table}${more}`
}
