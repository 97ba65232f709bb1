// What the public notice pages share: the links between a tender's notices, the "not published yet"
// paragraph, the project's key facts as a definition list, the publicity period, and record links.
import { stateChip, stateName } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag, timeText } from '../../web/format.ts'
import { attrUrl, type HtmlValue, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { NoticeHead } from '../public-award.ts'
import type { PublicRecord } from '../public-tender.ts'
import type { PublicityPeriod } from '../publicity.ts'

export type NoticeKind = 'tender' | 'candidates' | 'result' | 'award-notice'

export function noticeUrl(tenderId: string, kind: NoticeKind): string {
  const base = `/public/tenders/${encodeURIComponent(tenderId)}`
  return kind === 'tender' ? base : `${base}/${kind}`
}

/** The tender's four notices, the current one marked. */
export function noticeLinks(ctx: PageContext, tenderId: string, current: NoticeKind): SafeHtml {
  const t = ctx.t.notices
  const kinds: [NoticeKind, string][] = [
    ['tender', t.tenderNotice],
    ['candidates', t.candidatesNotice],
    ['result', t.resultNotice],
    ['award-notice', t.awardNotice],
  ]
  const items = kinds.map(
    ([kind, label]) =>
      html`<li><a href="${attrUrl(noticeUrl(tenderId, kind))}"${kind === current ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )
  return html`<nav class="notice-links" aria-label="${t.notices}"><ul class="inline-list">${items}</ul></nav>`
}

/** A visible tender whose notice of this phase is not out yet (200, said in words). */
export function notYet(ctx: PageContext, state: string): SafeHtml {
  const t = ctx.t.notices
  return html`<div class="notice" role="status"><p><strong>${t.notYet}</strong></p><p>${t.notYetHint(stateName(ctx, state))}</p></div>`
}

/** Term/description pairs; a null description shows "—". */
export function facts(rows: readonly [string, HtmlValue][]): SafeHtml {
  return html`<dl class="summary">${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value ?? '—'}</dd>`)}</dl>`
}

export function headFacts(ctx: PageContext, head: NoticeHead): [string, HtmlValue][] {
  const t = ctx.t.notices
  return [
    [t.reference, head.reference],
    [t.name, head.title],
    [t.purchaser, head.purchaser],
    [t.state, stateChip(ctx, head.state)],
  ]
}

export function periodFacts(ctx: PageContext, period: PublicityPeriod): [string, HtmlValue][] {
  const t = ctx.t.notices
  const range = html`${timeTag(period.startsAt, ctx.locale)} – ${timeTag(period.endsAt, ctx.locale)}`
  return [
    [t.period, range],
    [t.periodState, period.running ? t.periodRunning : t.periodOver],
  ]
}

export function periodSentence(ctx: PageContext, period: PublicityPeriod): string {
  return ctx.t.notices.periodText(timeText(period.startsAt, ctx.locale), timeText(period.endsAt, ctx.locale))
}

export function recordName(ctx: PageContext, type: string): string {
  return ctx.t.notices.recordTypes[type] ?? type
}

/** The signed records with their PDF (the page scope's /records/:id/pdf) and verification links. */
export function recordsTable(ctx: PageContext, records: readonly PublicRecord[]): SafeHtml {
  const t = ctx.t.notices
  if (!records.length) return html`<p>${t.noRecords}</p>`
  return dataTable({
    caption: t.recordsCaption(records.length),
    columns: [
      { header: t.recordType, cell: (r: PublicRecord) => recordName(ctx, r.type) },
      { header: t.recordIssued, cell: (r) => timeTag(r.issuedAt, ctx.locale) },
      {
        header: t.signedPdf,
        cell: (r) =>
          html`<a href="${attrUrl(`/records/${encodeURIComponent(r.recordId)}/pdf`)}" aria-label="${t.downloadOf(recordName(ctx, r.type))}">${t.download}</a>`,
      },
      {
        header: t.verify,
        cell: (r) =>
          html`<a href="${attrUrl(`/api/v1/records/${encodeURIComponent(r.recordId)}/verify`)}">${t.verifyOf(recordName(ctx, r.type))}</a>`,
      },
    ],
    rows: records,
  })
}

/** How to raise an objection while the period runs (条例 Art 54), or that it is over. */
export function howToObject(ctx: PageContext, tenderId: string, text: string, running: boolean): SafeHtml {
  const t = ctx.t.notices
  const path = `/api/v1/tenders/${tenderId}/objections`
  return html`<h2>${t.objectTitle}</h2>
<p>${text}</p>
<p>${running ? t.objectHow(path) : t.objectClosed}</p>`
}
