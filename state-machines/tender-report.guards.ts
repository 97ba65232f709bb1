// Guards of the evaluation report (评标报告) and of the publicity periods that follow it (条例 Art 54).
import { areDistinctIds } from './checks.ts'
import { firstRefusal, malformed, OTHER_BRANCH, unless, type Verdict } from './refusal.ts'
import { type TenderContext, validBidIds } from './tender.context.ts'
import type { EventOf, GuardSpec } from './tender.event-guard.ts'
import { noRulePack } from './tender-common.guards.ts'
import { notOnCommittee } from './tender-evaluation.guards.ts'
import { isAtOrBefore } from './time.ts'

function committeeHasFinished(context: TenderContext): Verdict {
  const { expertCommittee, declaredExperts, scoredExperts } = context
  const missingDeclarations = expertCommittee.filter((id) => !declaredExperts.includes(id))
  const missingScores = expertCommittee.filter((id) => !scoredExperts.includes(id))
  const finished = expertCommittee.length > 0 && missingDeclarations.length + missingScores.length === 0
  return unless(finished, () => ({
    code: 'committee_not_finished',
    message: 'every committee member must declare and score before the report',
    rule: 'wholeCommittee',
    limit: expertCommittee.length,
    source: '法 Art 40; 暂行规定 Art 42: the report is signed by every member of the committee',
    details: { missingDeclarations, missingScores },
  }))
}

/** Candidates are valid bids, within the pack's count capped by the valid bids; none at all means 流标. */
function candidatesRule(context: TenderContext, candidates: readonly string[]): Verdict {
  const valid = validBidIds(context)
  const invalid = candidates.filter((id) => !valid.includes(id))
  if (invalid.length > 0) {
    return {
      code: 'candidate_not_valid',
      message: 'candidates must be valid bids',
      rule: 'validCandidates',
      limit: 'a valid bid',
      source: '法 Art 40: candidates are recommended among the bids the committee found valid',
      field: 'candidates',
      details: { invalid, validBidIds: valid },
    }
  }
  if (!areDistinctIds(candidates)) return malformed('candidates', 'distinct bid ids')
  const range = context.rulePack?.candidates
  if (candidates.length === 0) return null
  if (range === undefined) return noRulePack()
  const max = Math.min(range.max.value, valid.length)
  const tooFew = candidates.length < range.min.value
  if (!tooFew && candidates.length <= max) return null
  const bound = tooFew ? range.min : range.max
  return {
    code: 'candidate_count_out_of_range',
    message: `name between ${range.min.value} and ${max} candidates (${bound.source})`,
    rule: tooFew ? 'candidates.min' : 'candidates.max',
    limit: bound.value,
    source: bound.source,
    field: 'candidates',
    details: { min: range.min.value, max },
  }
}

/** The signed report; no candidates at all means every bid failed (流标, 法 Art 42). */
function reportRule(context: TenderContext, event: EventOf<'SUBMIT_REPORT'>): Verdict {
  return firstRefusal(
    () =>
      unless(context.expertCommittee.includes(event.expertId), () =>
        notOnCommittee('expertId', event.expertId),
      ),
    () => candidatesRule(context, event.candidates),
    () => {
      const outsider = event.dissent.find((d) => !context.expertCommittee.includes(d.expertId))
      return outsider === undefined
        ? null
        : { ...notOnCommittee('dissent', outsider.expertId), code: 'dissent_not_member' }
    },
  )
}

export const canSubmitReport: GuardSpec<'SUBMIT_REPORT'> = {
  available: committeeHasFinished,
  check: reportRule,
}

/** The branch of a report naming no candidate (流标); canSubmitReport's refusal is the one reported. */
export const reportRejectsAll: GuardSpec<'SUBMIT_REPORT'> = {
  available: committeeHasFinished,
  check: (context, event) =>
    reportRule(context, event) ?? unless(event.candidates.length === 0, () => OTHER_BRANCH),
}

/**
 * END_PUBLICITY: the current publicity (candidates after the report, the result after DECIDE) has run
 * its course (条例 Art 54: ≥3 days), never ending early.
 */
export function publicityOver(context: TenderContext, at: string): Verdict {
  const pack = context.rulePack
  if (pack === null) return noRulePack()
  const { publicityEndsAt: endsAt } = context
  const name = context.decidedAt === null ? 'candidatePublicityDays' : 'resultPublicityDays'
  const period = pack.limits[name]
  return unless(isAtOrBefore(endsAt, at), () => ({
    code: 'publicity_not_over',
    message: `the publicity period runs until ${endsAt} (${period.value} days: ${period.source})`,
    rule: name,
    limit: period.value,
    source: period.source,
    details: { publicityEndsAt: endsAt },
  }))
}
