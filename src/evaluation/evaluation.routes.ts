// Evaluation (评标) routes: the committee draw, declarations, scores, rejections, the report, the
// evaluation view, and the end of a publicity period.
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { setVersionTag } from '../http/etag.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import { commandRoute } from '../pipeline/command-route.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { drawExpertCommittee } from './draw-experts.ts'
import {
  DeclarationBody,
  DrawCommitteeBody,
  EvaluationViewSchema,
  RejectionBody,
  ReportBody,
  ScoresBody,
} from './evaluation.schemas.ts'
import { declareNoConflict, rejectBid, submitReport, submitScores } from './evaluation-commands.ts'
import { evaluationView } from './evaluation-view.ts'
import { endPublicity } from './publicity.ts'

const tag = 'evaluation'

export async function evaluationRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/committee',
    operationId: 'drawEvaluationCommittee',
    summary:
      'Draw the evaluation committee at random from the expert pool, verifiably (purchaser or operator)',
    description:
      "Draws the evaluation committee at random from the expert pool, with a proof anyone can re-run. The owning purchaser or the operator may, once per tender, after the opening; the size must meet the pack's minimum (an odd number where it says so) and experts must make up at least 2/3 of it (422 committee_size_not_allowed, expert_share_too_low; 409 committee_already_drawn).",
    tag,
    body: DrawCommitteeBody,
    run: ({ actor, params, body, ifMatch }) =>
      drawExpertCommittee(deps, actor, params.id, body.size, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/declarations',
    operationId: 'declareNoConflict',
    summary: 'Declare no conflict of interest (回避声明) before evaluating (committee expert)',
    description:
      'Declares that the expert has no conflict of interest (回避声明), which every expert must do before rejecting or scoring. Only a drawn expert of this committee may, once (409 already_declared).',
    tag,
    body: DeclarationBody,
    run: ({ actor, params, body, ifMatch }) =>
      declareNoConflict(deps, actor, params.id, body.statement, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/scores',
    operationId: 'submitScores',
    summary: 'Submit one score for every valid bid, with comments (committee expert)',
    description:
      "Submits the expert's score sheet: one score with a comment for every valid bid. Only a drawn expert who has declared may, once, and the sheet must cover every opened bid not rejected exactly once (422 scores_must_cover_valid_bids, declaration_required; 409 already_scored).",
    tag,
    body: ScoresBody,
    run: ({ actor, params, body, ifMatch }) => submitScores(deps, actor, params.id, body.scores, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/rejections',
    operationId: 'rejectBid',
    summary: 'Reject a bid (否决投标) with its ground, before scoring starts (committee expert)',
    description:
      'Rejects a bid (否决投标) with its ground, so it is neither scored nor a candidate. Only a drawn expert who has declared may, before any scoring starts, and only an opened bid, once (422 rejections_closed, bid_not_opened; 409 already_rejected).',
    tag,
    body: RejectionBody,
    run: ({ actor, params, body, ifMatch }) =>
      rejectBid(deps, actor, params.id, body.bidId, body.ground, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/report',
    operationId: 'submitEvaluationReport',
    summary:
      'Submit the evaluation report: candidates go to publicity; none at all fails the tender (committee expert)',
    description:
      "Submits the evaluation report: the named candidates go to the candidate publicity; when every bid is rejected the tender fails. Only a committee expert may, once every member has declared and scored, naming valid bids within the pack's candidate range (422 committee_not_finished, candidate_not_valid, candidate_count_out_of_range).",
    tag,
    body: ReportBody,
    run: ({ actor, params, body, ifMatch }) => submitReport(deps, actor, params.id, body, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/publicity/end',
    operationId: 'endPublicity',
    summary:
      'End the current publicity period (candidates or result) once over and unopposed (purchaser or operator)',
    description:
      "Ends the current publicity (candidates or result): the tender goes on to the award, or is awarded. The owning purchaser or the operator may (the timer does it itself), once the pack's publicity days are over and no objection is pending (422 publicity_not_over, objection_pending).",
    tag,
    run: ({ actor, params, ifMatch }) => endPublicity(deps, actor, params.id, ifMatch),
  })

  app.get(
    '/api/v1/tenders/:id/evaluation',
    {
      schema: {
        operationId: 'getEvaluation',
        tags: [tag],
        summary: 'Read the evaluation: committee, draw proof, declarations, scores, rejections, report',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: EvaluationViewSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const tender = await findTender(deps.db, (request.params as Static<typeof TenderIdParams>).id)
      const view = await evaluationView(deps.db, tender, actor)
      setVersionTag(reply, tender.version)
      return view
    },
  )
}
