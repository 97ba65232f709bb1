// Bid submission routes, registered by app.ts: submit or replace (sealed), withdraw, list (own before opening, all after), receipts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { requireActor } from '../auth/authenticate.ts'
import { createdResponse, sendCreated } from '../http/created.ts'
import { listedItem } from '../http/listed-item.ts'
import { assertNoBody } from '../http/no-body.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import { readReceipts } from './bid-receipts.ts'
import { readBids } from './bids.view.ts'
import { type CommandResponse, type IdempotentRequest, requestSha256 } from './idempotency.ts'
import { sealedLogSerializers } from './sealed-logging.ts'
import {
  BidListResponse,
  BidParams,
  BidView,
  IdempotencyHeaders,
  ReceiptListResponse,
  SubmitBidBody,
  SubmittedBidResponse,
} from './submission.schemas.ts'
import type { SubmissionDeps } from './submission-deps.ts'
import { type BidSubmission, submitBid } from './submit-bid.ts'
import { withdrawBid } from './withdraw-bid.ts'

/** The Idempotency-Key scope of this request, or null without the header. */
function idempotencyOf(request: FastifyRequest, orgId: string): IdempotentRequest | null {
  const key = request.headers['idempotency-key']
  if (typeof key !== 'string') return null
  const path = request.url.split('?')[0] ?? request.url
  return {
    key,
    bidderOrgId: orgId,
    route: `${request.method} ${request.routeOptions.url}`,
    requestSha256: requestSha256(request.method, path, request.body),
  }
}

function send(reply: FastifyReply, response: CommandResponse & { replayed: boolean }) {
  if (response.replayed) reply.header('idempotent-replayed', 'true')
  return reply.code(response.statusCode).send(response.body)
}

export async function submissionRoutes(app: FastifyInstance, deps: SubmissionDeps): Promise<void> {
  app.post(
    '/api/v1/tenders/:id/bids',
    {
      bodyLimit: deps.bidBodyLimit,
      logSerializers: sealedLogSerializers,
      schema: {
        operationId: 'submitBid',
        tags: ['bidding'],
        summary: 'Submit a sealed bid, or replace the live one (bidder; before the deadline)',
        description:
          "Either {jwe}: a compact JWE the bidder encrypted to the tender key (recommended), or {bid}: a plaintext bid the server encrypts to the tender key before storing anything. Only the ciphertext is stored; the content is checked against the bid form at opening. One live bid per bidder and tender: a second submission replaces the first. 201 with a receipt (a JWS over tender, bid, bidder USCC, action, ciphertextSha256, receivedAt); on replacement also the old bid's 'replaced' receipt. After the deadline: 409 bidding_closed with the deadline and server time. 413 body_too_large beyond the bid body limit (YOUXUAN_BID_BODY_LIMIT, 20 MiB by default).",
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        headers: IdempotencyHeaders,
        body: SubmitBidBody,
        response: {
          201: createdResponse(SubmittedBidResponse.properties, { location: true }),
          ...problemResponses(404, 409, 413, 422),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      const actor = requireActor(request)
      const submission = request.body as BidSubmission
      const response = await submitBid(deps, actor, id, submission, idempotencyOf(request, actor.orgId))
      if (response.replayed) reply.header('idempotent-replayed', 'true')
      const bid = response.body.bid as { id: string }
      return sendCreated(reply, {
        // A new bid's stream holds one event, BID_SUBMITTED: its version is 1.
        created: { id: bid.id, tenderId: id, version: 1 },
        location: `/api/v1/tenders/${id}/bids/${bid.id}`,
        body: response.body,
      })
    },
  )

  app.delete(
    '/api/v1/tenders/:id/bids/:bidId',
    {
      logSerializers: sealedLogSerializers,
      schema: {
        operationId: 'withdrawBid',
        tags: ['bidding'],
        summary: 'Withdraw (撤回) the live bid (its bidder; before the deadline), with a receipt',
        security: [{ bearerAuth: [] }],
        params: BidParams,
        headers: IdempotencyHeaders,
        response: { 200: SubmittedBidResponse, ...problemResponses(404, 409, 422) },
      },
    },
    async (request, reply) => {
      assertNoBody(request.body)
      const { id, bidId } = request.params as { id: string; bidId: string }
      const actor = requireActor(request)
      return send(reply, await withdrawBid(deps, actor, id, bidId, idempotencyOf(request, actor.orgId)))
    },
  )

  app.get(
    '/api/v1/tenders/:id/bids',
    {
      schema: {
        operationId: 'listBids',
        tags: ['bidding'],
        summary: 'Bids: before opening a bidder sees its own, everyone else gets 403 sealed_until_opening',
        description:
          'Before opening a bid is its ciphertext hash and state (nobody has its content). After opening everyone who can see the tender gets every bid with bidder, state, price and outcome; the content goes only to its bidder, oversight and the purchaser.',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: BidListResponse, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      return { items: await readBids(deps.db, requireActor(request), id) }
    },
  )

  app.get(
    '/api/v1/tenders/:id/bids/:bidId',
    {
      schema: {
        operationId: 'getBid',
        tags: ['bidding'],
        summary:
          "One bid, under the list's rule (before opening only its bidder's own; another's reads as missing)",
        security: [{ bearerAuth: [] }],
        params: BidParams,
        response: { 200: BidView, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id, bidId } = request.params as { id: string; bidId: string }
      return listedItem(await readBids(deps.db, requireActor(request), id), (bid) => bid.id, bidId, 'bid')
    },
  )

  app.get(
    '/api/v1/tenders/:id/bids/:bidId/receipts',
    {
      schema: {
        operationId: 'listBidReceipts',
        tags: ['bidding'],
        summary: "A bid's receipts again, oldest first (its bidder; oversight)",
        security: [{ bearerAuth: [] }],
        params: BidParams,
        response: { 200: ReceiptListResponse, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id, bidId } = request.params as { id: string; bidId: string }
      return { items: await readReceipts(deps.db, requireActor(request), id, bidId) }
    },
  )
}
