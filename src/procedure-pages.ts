// The purchaser's procedure pages between the draft and the award meeting: publish, the opening result
// (close bidding, open) and the evaluation (the expert draw, the report, the end of a publicity period).
import type { FastifyInstance } from 'fastify'
import { evaluationPages } from './evaluation/evaluation.pages.ts'
import { openingPages } from './opening/opening.pages.ts'
import type { OpeningDeps } from './opening/opening-deps.ts'
import { publishPages } from './tendering/publish.pages.ts'

export async function procedurePages(app: FastifyInstance, deps: OpeningDeps): Promise<void> {
  await app.register(publishPages, deps)
  await app.register(openingPages, deps)
  await app.register(evaluationPages, deps)
}
