// The evaluation page (评标报告与定标候选人): the committee part, the opened bids with their scores as
// the API shows them to this viewer, rejections, the report and its candidates, and the end of the
// candidate publicity when it is offered.
import { postForm, submitButton } from '../../web/components/form-fields.ts'
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { money, timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import {
  type CommitteePart,
  committeeSection,
  type EvaluationData,
  expertName,
} from './evaluation-committee.ts'

type Bid = EvaluationData['bids'][number]
type Rejection = EvaluationData['rejections'][number]
type Candidate = EvaluationData['candidates'][number]

export interface EvaluationPageData extends CommitteePart {
  readonly title: string
  readonly canEndPublicity: boolean
}

function bidderOf(evaluation: EvaluationData, bidId: string): string {
  const bid = evaluation.bids.find((b) => b.bidId === bidId)
  return bid?.bidderName ?? bid?.bidderOrgId ?? bidId
}

function bidsTable(ctx: PageContext, evaluation: EvaluationData): SafeHtml {
  const t = ctx.t.evaluationPage
  if (evaluation.bids.length === 0) return html``
  const status = (bid: Bid) => (bid.outcome !== 'opened' ? t.notOpened : bid.rejected ? t.rejected : t.valid)
  const scores = (bid: Bid) =>
    bid.scores === null
      ? t.scoresHidden
      : t.scoreSummary(
          bid.scores.count,
          bid.scores.mean ?? '—',
          String(bid.scores.min ?? '—'),
          String(bid.scores.max ?? '—'),
        )
  return html`<section aria-labelledby="bids"><h2 id="bids">${t.bids}</h2>${dataTable<Bid>({
    caption: t.bidsCaption(evaluation.bids.length),
    rows: evaluation.bids,
    columns: [
      { header: t.bidder, cell: (bid) => bid.bidderName ?? bid.bidderOrgId },
      { header: t.price, cell: (bid) => money(bid.priceFen, ctx.locale), numeric: true },
      { header: t.status, cell: status },
      { header: t.scores, cell: scores },
    ],
  })}${rejectionsTable(ctx, evaluation)}</section>`
}

function rejectionsTable(ctx: PageContext, evaluation: EvaluationData): SafeHtml {
  const t = ctx.t.evaluationPage
  if (evaluation.rejections.length === 0) return html``
  return dataTable<Rejection>({
    caption: t.rejectionsCaption(evaluation.rejections.length),
    rows: evaluation.rejections,
    columns: [
      { header: t.bidder, cell: (r) => bidderOf(evaluation, r.bidId) },
      { header: t.ground, cell: (r) => r.ground },
      { header: t.member, cell: (r) => expertName(ctx, evaluation, r.expertId) },
    ],
  })
}

function candidatesTable(ctx: PageContext, evaluation: EvaluationData): SafeHtml {
  const t = ctx.t.evaluationPage
  return dataTable<Candidate>({
    caption: t.candidatesCaption(evaluation.candidates.length),
    rows: evaluation.candidates,
    columns: [
      { header: t.rank, cell: (c) => (c.rank === null ? t.unranked : String(c.rank)) },
      { header: t.bidder, cell: (c) => c.bidderName ?? c.bidderOrgId ?? c.bidId },
      { header: t.price, cell: (c) => money(c.priceFen, ctx.locale), numeric: true },
    ],
  })
}

function reportSection(ctx: PageContext, data: EvaluationPageData): SafeHtml {
  const t = ctx.t.evaluationPage
  const { evaluation } = data
  const heading = html`<h2 id="report">${t.report}</h2>`
  if (evaluation.reportedAt === null)
    return html`<section aria-labelledby="report">${heading}<p>${t.noReport}</p></section>`
  const dissent = evaluation.dissent.length
    ? html`<h3>${t.dissent}</h3><ul>${evaluation.dissent.map((d) => html`<li>${expertName(ctx, evaluation, d.expertId)} — ${d.opinion}</li>`)}</ul>`
    : html``
  const endForm = data.canEndPublicity
    ? html`<p class="hint">${t.endPublicityHint}</p>${postForm(ctx, `/tenders/${data.tenderId}/publicity/end`, submitButton(t.endPublicity))}`
    : html``
  return html`<section aria-labelledby="report">${heading}
<dl class="summary" aria-label="${t.report}">
<dt>${t.reportedAt}</dt><dd>${timeTag(evaluation.reportedAt, ctx.locale)}</dd>
<dt>${t.summary}</dt><dd>${evaluation.summary ?? '—'}</dd>
${evaluation.publicityEndsAt ? html`<dt>${t.publicityEndsAt}</dt><dd>${timeTag(evaluation.publicityEndsAt, ctx.locale)}</dd>` : ''}
</dl>
${dissent}
<h3>${t.candidates}</h3>
${candidatesTable(ctx, evaluation)}
${endForm}
</section>`
}

export function evaluationPage(
  ctx: PageContext,
  data: EvaluationPageData,
  errors: readonly FieldError[] = [],
) {
  const body = html`<p>${stateChip(ctx, data.evaluation.state)}</p>
${committeeSection(ctx, data, errors)}
${bidsTable(ctx, data.evaluation)}
${reportSection(ctx, data)}
<p><a href="${attrUrl(`/tenders/${data.tenderId}`)}">${ctx.t.procedure.backToTender}</a></p>`
  return layout(ctx, { title: ctx.t.evaluationPage.title(data.title), body, errors })
}
