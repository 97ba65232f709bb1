// The operator's sandbox clock page: the sandbox time and how far it runs ahead, the pending timers
// (the deadlines and publicity ends still to come), a form to move it forward by a duration, a button
// to move it to the next due time, and the timers fired lately.

import type { TimerListing } from '../../timers/timer-repository.ts'
import { errorFor, postForm, submitButton, textField } from '../../web/components/form-fields.ts'
import { layout, type Notice } from '../../web/components/layout.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag, timeText } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'

export interface ClockData {
  readonly now: string
  readonly offsetMs: number
  readonly upcoming: readonly TimerListing[]
  readonly fired: readonly TimerListing[]
}

/** The first pending timer due after now: where "advance to the next deadline" goes. */
export function nextDueAt(data: Pick<ClockData, 'now' | 'upcoming'>): Date | null {
  const now = Date.parse(data.now)
  return data.upcoming.find((timer) => timer.dueAt.getTime() > now)?.dueAt ?? null
}

function timersTable(ctx: PageContext, data: ClockData, rows: readonly TimerListing[], fired: boolean) {
  const t = ctx.t.clock
  const now = Date.parse(data.now)
  const due = (timer: TimerListing) =>
    html`${timeTag(timer.dueAt, ctx.locale)}${!fired && timer.dueAt.getTime() <= now ? t.overdue : ''}`
  return dataTable({
    caption: fired ? t.firedCaption(rows.length) : t.timersCaption(rows.length),
    columns: [
      { header: t.dueAt, cell: due },
      { header: t.kind, cell: (timer: TimerListing) => t.kinds[timer.kind] ?? timer.kind },
      {
        header: t.tender,
        cell: (timer) =>
          html`<a href="${attrUrl(`/public/tenders/${encodeURIComponent(timer.tenderId)}`)}">${timer.tenderId}</a>`,
      },
      ...(fired
        ? [{ header: t.firedAt, cell: (timer: TimerListing) => timeTag(timer.firedAt, ctx.locale) }]
        : []),
    ],
    rows,
  })
}

export function clockPage(
  ctx: PageContext,
  data: ClockData,
  by: string,
  errors: readonly FieldError[] = [],
  notice: Notice | null = null,
): SafeHtml {
  const t = ctx.t.clock
  const next = nextDueAt(data)
  const hours = (data.offsetMs / 3_600_000).toFixed(1)
  const advanceBy = postForm(
    ctx,
    '/operator/clock/advance',
    html`${textField({ name: 'by', label: t.by, hint: t.byHint, value: by, error: errorFor(errors, 'by'), short: true })}
${submitButton(t.submit)}`,
  )
  const advanceToNext = next
    ? postForm(
        ctx,
        '/operator/clock/advance',
        html`<input type="hidden" name="to" value="${next.toISOString()}">${submitButton(
          t.toNextAt(timeText(next, ctx.locale)),
          { secondary: true },
        )}`,
      )
    : html`<p>${t.noNext}</p>`
  const body = html`<p class="lead">${t.intro}</p>
<dl class="summary">
  <dt>${t.now}</dt><dd>${timeTag(data.now, ctx.locale)}</dd>
  <dt>${t.offset}</dt><dd>${t.offsetText(hours)}</dd>
</dl>
<h2>${t.advance}</h2>
${advanceBy}
<h2>${t.toNext}</h2>
${advanceToNext}
<h2>${t.timers}</h2>
${data.upcoming.length ? timersTable(ctx, data, data.upcoming, false) : html`<p>${t.noTimers}</p>`}
${data.fired.length ? html`<h2>${t.fired}</h2>${timersTable(ctx, data, data.fired, true)}` : ''}`
  return layout(ctx, { title: t.title, body, errors, notice })
}
