// The bidding and opening capability's routes, registered by app.ts.
import type { FastifyInstance } from 'fastify'
import type { CommandDeps } from '../tenders/tender-command.ts'
import { bidsRoutes } from './bids.routes.ts'
import { objectionsRoutes } from './objections.routes.ts'
import { openingRoutes } from './opening.routes.ts'
import { questionsRoutes } from './questions.routes.ts'

export async function biddingRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  await questionsRoutes(app, deps)
  await objectionsRoutes(app, deps)
  await bidsRoutes(app, deps)
  await openingRoutes(app, deps)
}
