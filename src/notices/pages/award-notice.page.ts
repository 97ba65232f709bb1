// The award notice (中标通知书) once the purchaser has issued it: the winner, the price, when it was
// issued and by when the contract is due, with its signed PDF (the award notice record is public).
import { layout } from '../../web/components/layout.ts'
import { money, timeTag } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { readAwardNotice } from '../public-award.ts'
import { facts, headFacts, noticeLinks, notYet, recordsTable } from './notice-parts.ts'

type NoticeData = Awaited<ReturnType<typeof readAwardNotice>>

export function awardNoticePage(ctx: PageContext, data: NoticeData): SafeHtml {
  const t = ctx.t.notices
  const { head, notice } = data
  const links = noticeLinks(ctx, head.tenderId, 'award-notice')
  const title = `${head.title} ${t.awardNotice}`
  if (notice === null)
    return layout(ctx, {
      title,
      body: html`${links}${facts(headFacts(ctx, head))}${notYet(ctx, head.state)}`,
    })
  const body = html`${links}
<p class="lead">${t.noticeText(notice.winner.bidderName ?? '—')}</p>
${facts([
  ...headFacts(ctx, head),
  [t.noticeId, notice.noticeId],
  [t.winner, notice.winner.bidderName],
  [t.winningPrice, money(notice.winner.priceFen, ctx.locale)],
  [t.noticeIssuedAt, timeTag(notice.issuedAt, ctx.locale)],
  [t.contractDueAt, timeTag(notice.contractDueAt, ctx.locale)],
])}
<h2>${t.signedPdf}</h2>
${data.records.length ? recordsTable(ctx, data.records) : html`<p>${t.recordPending}</p>`}`
  return layout(ctx, { title, body })
}
