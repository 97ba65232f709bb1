// Question and amendment routes (答疑, 澄清/修改) during bidding, registered by app.ts.
import type { FastifyInstance } from 'fastify'
import { listedItem } from '../http/listed-item.ts'
import { ProblemRef, TenderIdParams } from '../http/schemas.ts'
import { commandRoute, createCommandRoute } from '../pipeline/command-route.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { amendTender, readAmendments } from './amendments.ts'
import {
  AmendmentBody,
  AmendmentListResponse,
  AmendmentParams,
  AmendmentView,
  AnswerBody,
  QuestionBody,
  QuestionListResponse,
  QuestionParams,
  QuestionView,
} from './clarifications.schemas.ts'
import { answerQuestion, askQuestion, readQuestions } from './questions.ts'

const publicReads = { 400: ProblemRef, 401: ProblemRef, 404: ProblemRef }

export async function clarificationsRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  createCommandRoute(app, {
    url: '/api/v1/tenders/:id/questions',
    operationId: 'askQuestion',
    summary: 'Ask a question about the documents (bidder); the asker is never shown to others',
    description:
      'Asks a question about the tender documents; only its hash goes on the chain and the asker is never shown to others. Any bidder who can see the tender may, before the bid deadline (422 deadline_passed).',
    tag: 'bidding',
    body: QuestionBody,
    run: ({ actor, params, body, ifMatch }) => askQuestion(deps, actor, params.id, body.question, ifMatch),
    location: (params, id) => `/api/v1/tenders/${params.id}/questions/${id}`,
  })

  commandRoute(app, {
    url: '/api/v1/tenders/:id/questions/:qid/answer',
    operationId: 'answerQuestion',
    summary: 'Answer a question, published to every bidder (purchaser)',
    description:
      'Answers a question (澄清), published to every bidder. Only the owning purchaser may, once per question (409 already_answered; 404 for an unknown question).',
    tag: 'bidding',
    params: QuestionParams,
    body: AnswerBody,
    run: ({ actor, params, body, ifMatch }) =>
      answerQuestion(deps, actor, params.id, params.qid, body.answer, ifMatch),
  })

  app.get(
    '/api/v1/tenders/:id/questions',
    {
      schema: {
        operationId: 'listQuestions',
        tags: ['bidding'],
        summary: 'Questions and answers, without who asked (the asker sees mine: true)',
        params: TenderIdParams,
        response: { 200: QuestionListResponse, ...publicReads },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      return { items: await readQuestions(deps.db, request.actor, id) }
    },
  )

  app.get(
    '/api/v1/tenders/:id/questions/:qid',
    {
      schema: {
        operationId: 'getQuestion',
        tags: ['bidding'],
        summary: 'One question and its answer, read as in the list',
        params: QuestionParams,
        response: { 200: QuestionView, ...publicReads },
      },
    },
    async (request) => {
      const { id, qid } = request.params as { id: string; qid: string }
      return listedItem(await readQuestions(deps.db, request.actor, id), (q) => q.id, qid, 'question')
    },
  )

  createCommandRoute(app, {
    url: '/api/v1/tenders/:id/amendments',
    operationId: 'amendTender',
    summary: 'Amend the documents (purchaser); < 15 days before the deadline needs a new deadline',
    description:
      'Amends the tender documents (澄清/修改), optionally with a new, later deadline. Only the owning purchaser may, before the deadline; an amendment less than amendmentLeadDays (15 days under the national pack) before the deadline must move it at least that far (422 amendment_needs_extension).',
    tag: 'bidding',
    body: AmendmentBody,
    run: ({ actor, params, body, ifMatch }) => amendTender(deps, actor, params.id, body, ifMatch),
    location: (params, id) => `/api/v1/tenders/${params.id}/amendments/${id}`,
  })

  // Answered questions are the other half of the clarifications: GET …/questions, under the same rule.
  app.get(
    '/api/v1/tenders/:id/amendments',
    {
      schema: {
        operationId: 'listAmendments',
        tags: ['bidding'],
        summary:
          'Amendments (澄清/修改) with their dates and any new deadline (anyone who can see the tender)',
        params: TenderIdParams,
        response: { 200: AmendmentListResponse, ...publicReads },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      return { items: await readAmendments(deps.db, request.actor, id) }
    },
  )

  app.get(
    '/api/v1/tenders/:id/amendments/:aid',
    {
      schema: {
        operationId: 'getAmendment',
        tags: ['bidding'],
        summary: 'One amendment, read as in the list',
        params: AmendmentParams,
        response: { 200: AmendmentView, ...publicReads },
      },
    },
    async (request) => {
      const { id, aid } = request.params as { id: string; aid: string }
      const amendments = await readAmendments(deps.db, request.actor, id)
      return listedItem(amendments, (a) => a.amendmentId, aid, 'amendment')
    },
  )
}
