// The bidding and opening capability's routes, registered by app.ts.
import type { FastifyInstance } from 'fastify'
import type { BiddingDeps } from './bidding-deps.ts'
import { bidsRoutes } from './bids.routes.ts'
import { objectionsRoutes } from './objections.routes.ts'
import { openingRoutes } from './opening.routes.ts'
import { questionsRoutes } from './questions.routes.ts'

export type { BiddingDeps } from './bidding-deps.ts'

export async function biddingRoutes(app: FastifyInstance, deps: BiddingDeps): Promise<void> {
  await questionsRoutes(app, deps)
  await objectionsRoutes(app, deps)
  await bidsRoutes(app, deps)
  await openingRoutes(app, deps)
}
