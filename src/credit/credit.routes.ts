// Credit routes: a live query by USCC (stored as evidence), one snapshot, and a tender's credit terms
// and snapshots. Problems: invalid_uscc (400, with position and expected character), credit_not_own and
// credit_via_tender (403).
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import {
  CreditQuery,
  CreditSnapshotSchema,
  SnapshotIdParams,
  StoredSnapshotSchema,
  TenderCreditSchema,
  UsccParams,
} from './credit.schemas.ts'
import { queryCredit, readCreditSnapshot, readTenderCredit } from './credit-queries.ts'
import type { CreditDeps } from './take-snapshot.ts'

const tags = ['credit']
const security = [{ bearerAuth: [] }]

export async function creditRoutes(app: FastifyInstance, deps: CreditDeps): Promise<void> {
  app.get(
    '/api/v1/credit/snapshots/:id',
    {
      schema: {
        operationId: 'getCreditSnapshot',
        tags,
        summary: 'One credit snapshot, with a check that it still hashes to its recorded SHA-256',
        security,
        params: SnapshotIdParams,
        response: { 200: StoredSnapshotSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof SnapshotIdParams>
      return readCreditSnapshot(deps, requireActor(request), id)
    },
  )

  app.get(
    '/api/v1/credit/:uscc',
    {
      schema: {
        operationId: 'queryCredit',
        tags,
        summary: 'Ask every credit source about a USCC now; the answer is stored as a manual_query snapshot',
        description:
          'Purchasers, agents, supervisors, auditors and operators may query any code; a bidder only its own. ' +
          "Experts and award members see credit through their tender (the evaluation view's flags, the " +
          'candidate dossiers). A source that did not answer is reported with its status (unavailable, ' +
          'timed_out, malformed, circuit_open) and the report is marked incomplete: never clean.',
        security,
        params: UsccParams,
        querystring: CreditQuery,
        response: { 200: CreditSnapshotSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const { uscc } = request.params as Static<typeof UsccParams>
      const { at } = request.query as Static<typeof CreditQuery>
      return queryCredit(deps, requireActor(request), uscc, at)
    },
  )

  app.get(
    '/api/v1/tenders/:id/credit',
    {
      schema: {
        operationId: 'getTenderCredit',
        tags,
        summary: "A tender's credit policy and cut-off as declared at publication, and its credit snapshots",
        description:
          "Oversight sees every snapshot; the purchaser the bidders' snapshots once the bids are opened; " +
          'committee members those of their stage; a bidder its own.',
        security,
        params: TenderIdParams,
        response: { 200: TenderCreditSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof TenderIdParams>
      return readTenderCredit(deps, requireActor(request), id)
    },
  )
}
