// Evaluation (评标) routes: the committee draw, declarations, scores, rejections, the report, the
// evaluation view, and the end of a publicity period.
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { commandRoute } from '../http/command-route.ts'
import { setVersionTag } from '../http/etag.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
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
    tag,
    body: DrawCommitteeBody,
    run: ({ actor, params, body, ifMatch }) =>
      drawExpertCommittee(deps, actor, params.id, body.size, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/declarations',
    operationId: 'declareNoConflict',
    summary: 'Declare no conflict of interest (回避声明) before evaluating (committee expert)',
    tag,
    body: DeclarationBody,
    run: ({ actor, params, body, ifMatch }) =>
      declareNoConflict(deps, actor, params.id, body.statement, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/scores',
    operationId: 'submitScores',
    summary: 'Submit one score for every valid bid, with comments (committee expert)',
    tag,
    body: ScoresBody,
    run: ({ actor, params, body, ifMatch }) => submitScores(deps, actor, params.id, body.scores, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/evaluation/rejections',
    operationId: 'rejectBid',
    summary: 'Reject a bid (否决投标) with its ground, before scoring starts (committee expert)',
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
    tag,
    body: ReportBody,
    run: ({ actor, params, body, ifMatch }) => submitReport(deps, actor, params.id, body, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/publicity/end',
    operationId: 'endPublicity',
    summary:
      'End the current publicity period (candidates or result) once over and unopposed (purchaser or operator)',
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
