// The candidate publicity (中标候选人公示, 条例 Art 54): the candidates, ranked when the pack ranks
// them, with bidder, bid price and score; the publicity period; how to object while it runs.
import { layout } from '../../web/components/layout.ts'
import { dataTable } from '../../web/components/table.ts'
import { money } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { readCandidatePublicity } from '../public-award.ts'
import type { PublicCandidate } from '../publicity.ts'
import { facts, headFacts, howToObject, noticeLinks, notYet, periodFacts } from './notice-parts.ts'

type CandidatesData = Awaited<ReturnType<typeof readCandidatePublicity>>

export function candidatesPage(ctx: PageContext, data: CandidatesData): SafeHtml {
  const t = ctx.t.notices
  const { head, publicity } = data
  const links = noticeLinks(ctx, head.tenderId, 'candidates')
  const title = `${head.title} ${t.candidatesNotice}`
  if (publicity === null)
    return layout(ctx, {
      title,
      body: html`${links}${facts(headFacts(ctx, head))}${notYet(ctx, head.state)}`,
    })
  const table = dataTable({
    caption: t.candidatesCaption(publicity.candidates.length),
    columns: [
      { header: t.rank, cell: (c: PublicCandidate) => (c.rank === null ? t.unranked : t.rankOf(c.rank)) },
      { header: t.bidder, cell: (c) => c.bidderName ?? '—' },
      { header: t.price, cell: (c) => money(c.priceFen, ctx.locale), numeric: true },
      { header: t.score, cell: (c) => c.score ?? '—', numeric: true },
    ],
    rows: publicity.candidates,
  })
  const body = html`${links}
${facts([...headFacts(ctx, head), ...periodFacts(ctx, publicity.period)])}
${table}
${howToObject(ctx, head.tenderId, t.objectCandidates, publicity.period.running)}`
  return layout(ctx, { title, body })
}
