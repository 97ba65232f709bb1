// The award result (定标结果公示), as Shenzhen's notice shows it: the project, purchaser, winner and
// winning price, the award method, each closed round's votes per candidate (never who voted what),
// the publicity period, how to object, and the signed record if one is public.
import { layout } from '../../web/components/layout.ts'
import { dataTable } from '../../web/components/table.ts'
import { money, timeTag } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { readAwardResult } from '../public-award.ts'
import type { PublicRound } from '../publicity.ts'
import {
  facts,
  headFacts,
  howToObject,
  noticeLinks,
  notYet,
  periodFacts,
  recordsTable,
} from './notice-parts.ts'

type ResultData = Awaited<ReturnType<typeof readAwardResult>>
type Votes = PublicRound['votes'][number]

function roundTable(ctx: PageContext, round: PublicRound): SafeHtml {
  const t = ctx.t.notices
  return html`${dataTable({
    caption: t.roundCaption(round.round),
    columns: [
      { header: t.bidder, cell: (v: Votes) => v.bidderName ?? '—' },
      { header: t.votes, cell: (v) => String(v.votes), numeric: true },
    ],
    rows: round.votes,
  })}<p class="muted">${t.roundClosedAt}：${timeTag(round.closedAt, ctx.locale)}</p>`
}

export function resultPage(ctx: PageContext, data: ResultData): SafeHtml {
  const t = ctx.t.notices
  const { head, result } = data
  const links = noticeLinks(ctx, head.tenderId, 'result')
  const title = `${head.title} ${t.resultNotice}`
  if (result === null)
    return layout(ctx, {
      title,
      body: html`${links}${facts(headFacts(ctx, head))}${notYet(ctx, head.state)}`,
    })
  const method =
    result.awardMethod === null ? null : (ctx.t.methods.award[result.awardMethod] ?? result.awardMethod)
  const rounds = result.rounds.length
    ? html`${result.rounds.map((round) => roundTable(ctx, round))}`
    : html`<p>${t.noRounds}</p>`
  const body = html`${links}
${facts([
  ...headFacts(ctx, head),
  [t.winner, result.winner.bidderName],
  [t.winningPrice, money(result.winner.priceFen, ctx.locale)],
  [t.awardMethod, method],
  [t.decidedAt, timeTag(result.decidedAt, ctx.locale)],
  ...periodFacts(ctx, result.period),
])}
<h2>${t.rounds}</h2>
<p>${t.secrecy}</p>
${rounds}
${howToObject(ctx, head.tenderId, t.objectResult, result.period.running)}
${data.records.length ? html`<h2>${t.signedPdf}</h2>${recordsTable(ctx, data.records)}` : ''}`
  return layout(ctx, { title, body })
}
