// Bid routes: submit or replace, withdraw, list (own before opening, all after).
import type { FastifyInstance } from 'fastify'
import { requireActor } from '../auth/authenticate.ts'
import { assertNoBody } from '../http/no-body.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
import { type BidContent, BidContentSchema } from './bid-content.ts'
import { BidListResponse, BidParams, SubmittedBidResponse } from './bidding.schemas.ts'
import { readBids } from './bids.view.ts'
import { submitBid } from './submit-bid.ts'
import { withdrawBid } from './withdraw-bid.ts'

export async function bidsRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  app.post(
    '/api/v1/tenders/:id/bids',
    {
      schema: {
        operationId: 'submitBid',
        tags: ['bidding'],
        summary: 'Submit a bid, or replace the live one (bidder; before the deadline)',
        description:
          'One live bid per bidder and tender: a second submission replaces the first. After the deadline: 409 bidding_closed with the deadline and server time. contentHash = SHA-256 (hex) of the RFC 8785 canonical JSON of the body.',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        body: BidContentSchema,
        response: { 201: SubmittedBidResponse, ...problemResponses(404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      const bid = await submitBid(deps, requireActor(request), id, { content: request.body as BidContent })
      return reply.code(201).header('location', `/api/v1/tenders/${id}/bids/${bid.id}`).send({ bid })
    },
  )

  app.delete(
    '/api/v1/tenders/:id/bids/:bidId',
    {
      schema: {
        operationId: 'withdrawBid',
        tags: ['bidding'],
        summary: 'Withdraw (撤回) the live bid (its bidder; before the deadline)',
        security: [{ bearerAuth: [] }],
        params: BidParams,
        response: { 200: SubmittedBidResponse, ...problemResponses(404, 409, 422) },
      },
    },
    async (request) => {
      assertNoBody(request.body)
      const { id, bidId } = request.params as { id: string; bidId: string }
      return { bid: await withdrawBid(deps, requireActor(request), id, bidId) }
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
          'After opening everyone who can see the tender gets every bid with bidder, state, price and outcome; the content goes only to its bidder, oversight and the purchaser.',
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
}
