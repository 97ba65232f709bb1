// The opening pages: GET /tenders/:id/opening reads the opening record through the API's
// readOpeningRecord; POST …/close-bidding and …/open run the API's closeBidding and openBids as the
// signed-in user, so the same authorizer and the same machine rules decide.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import { Conflict } from '../shared/errors.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import type { FieldError } from '../web/problem-messages.ts'
import { offers, readVisibleTender, refusalError } from '../web/procedure-support.ts'
import { closeBidding } from './close-bidding.ts'
import { openBids } from './open-bids.ts'
import type { OpeningDeps } from './opening-deps.ts'
import { readOpeningRecord } from './opening-record.ts'
import { openingPage } from './pages/opening.page.ts'

async function recordOrNull(deps: OpeningDeps, actor: Actor, tenderId: string) {
  try {
    return await readOpeningRecord(deps.db, actor, tenderId)
  } catch (error) {
    if (error instanceof Conflict && error.code === 'not_opened') return null
    throw error
  }
}

async function show(
  deps: OpeningDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors: readonly FieldError[] = [],
) {
  const actor = requireActor(request)
  const { id } = request.params as { id: string }
  const { tender, view } = await readVisibleTender(deps, actor, id)
  const record = await recordOrNull(deps, actor, id)
  const may = (event: string) => offers(view, event, authorizePurchaserOrOperator, tender, actor)
  const data = { view, record, canClose: may('CLOSE_BIDDING'), canOpen: may('OPEN') }
  return sendPage(reply, openingPage(pageContext(request), data, errors), errors.length ? 422 : 200)
}

export async function openingPages(app: FastifyInstance, deps: OpeningDeps): Promise<void> {
  app.get('/tenders/:id/opening', async (request, reply) => show(deps, request, reply))

  type Step = (deps: OpeningDeps, actor: Actor, tenderId: string, ifMatch: undefined) => Promise<unknown>
  const step = (path: string, command: Step) =>
    app.post(`/tenders/:id/${path}`, async (request, reply) => {
      const actor = requireActor(request)
      const { id } = request.params as { id: string }
      const outcome = await attempt(() => command(deps, actor, id, undefined))
      if (!outcome.ok)
        return show(deps, request, reply, [refusalError(pageContext(request), outcome.problem, [])])
      return seeOther(reply, `/tenders/${encodeURIComponent(id)}/opening`)
    })
  step('close-bidding', closeBidding)
  step('open', openBids)
}
