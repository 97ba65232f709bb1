// The ballot's receipt (投票回执): a panel with the receipt code and the time it was cast, and that the
// result comes when the round closes. The receipt never says what was chosen.
import { layout } from '../../web/components/layout.ts'
import { timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { BallotReceipt } from '../ballot-receipt.ts'

export function ballotReceiptPage(
  ctx: PageContext,
  tenderId: string,
  receipt: BallotReceipt | null,
): SafeHtml {
  const t = ctx.t.receipt
  const back = html`<p><a href="${attrUrl(`/meetings/${tenderId}`)}">${ctx.t.meeting.backToMeeting}</a></p>`
  if (!receipt) return layout(ctx, { title: t.title, body: html`<p>${t.none}</p>${back}` })
  const body = html`<div class="panel panel-success">
  <p class="panel-title">${t.panel}</p>
  <p>${t.code}<br><strong class="receipt-code">${receipt.code}</strong></p>
</div>
<dl class="summary">
  <dt>${t.round}</dt><dd>${ctx.t.ballotConfirm.roundN(receipt.round)}</dd>
  <dt>${t.castAt}</dt><dd>${timeTag(receipt.castAt, ctx.locale)}</dd>
</dl>
<p>${t.afterClose}</p>
<p class="muted">${t.findIt}</p>
${back}`
  return layout(ctx, { title: t.title, body })
}
