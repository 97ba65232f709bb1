// The evaluation pages: GET /tenders/:id/evaluation reads the API's evaluationView; POST
// …/evaluation/committee draws the experts through drawExpertCommittee and POST …/publicity/end ends a
// publicity period through endPublicity, as the signed-in user, with the API's authorizer and rules.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { formText, schemaErrors } from '../web/form-input.ts'
import { pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import type { FieldError } from '../web/problem-messages.ts'
import { offers, readVisibleTender, refusalError } from '../web/procedure-support.ts'
import { drawExpertCommittee } from './draw-experts.ts'
import { DrawCommitteeBody } from './evaluation.schemas.ts'
import { evaluationView } from './evaluation-view.ts'
import { evaluationPage } from './pages/evaluation.page.ts'
import { endPublicity } from './publicity.ts'

interface At {
  readonly actor: Actor
  readonly tenderId: string
}

function at(request: FastifyRequest): At {
  return { actor: requireActor(request), tenderId: (request.params as { id: string }).id }
}

async function show(
  deps: CommandDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors: readonly FieldError[] = [],
  size = '',
) {
  const { actor, tenderId } = at(request)
  const { tender, view } = await readVisibleTender(deps, actor, tenderId)
  const evaluation = await evaluationView(deps.db, tender, actor)
  const may = (event: string) => offers(view, event, authorizePurchaserOrOperator, tender, actor)
  const minSize = tender.context.rulePack?.evaluationCommittee.minSize.value ?? 0
  const data = {
    tenderId,
    title: view.title,
    evaluation,
    draw: may('DRAW_EXPERTS') ? { minSize, size } : null,
    canEndPublicity: view.state === 'candidatePublicity' && may('END_PUBLICITY'),
  }
  return sendPage(reply, evaluationPage(pageContext(request), data, errors), errors.length ? 422 : 200)
}

/** The typed size as the API body: absent when empty, a number when it is digits, else as typed. */
function drawBody(typed: string): Record<string, unknown> {
  if (typed === '') return {}
  return { size: /^\d{1,3}$/.test(typed) ? Number(typed) : typed }
}

export async function evaluationPages(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  app.get('/tenders/:id/evaluation', async (request, reply) => show(deps, request, reply))

  app.post('/tenders/:id/evaluation/committee', async (request, reply) => {
    const { actor, tenderId } = at(request)
    const ctx = pageContext(request)
    const typed = formText(request.body, 'size')
    const body = drawBody(typed)
    const labels = { size: ctx.t.evaluationPage.drawSize }
    const faults = schemaErrors(ctx.t, DrawCommitteeBody, body, labels)
    if (faults.length) return show(deps, request, reply, faults, typed)
    const size = body.size as number | undefined
    const outcome = await attempt(() => drawExpertCommittee(deps, actor, tenderId, size, undefined))
    if (!outcome.ok)
      return show(
        deps,
        request,
        reply,
        [refusalError(ctx, outcome.problem, ['size'], { members: 'size' })],
        typed,
      )
    return seeOther(reply, `/tenders/${encodeURIComponent(tenderId)}/evaluation`)
  })

  app.post('/tenders/:id/publicity/end', async (request, reply) => {
    const { actor, tenderId } = at(request)
    const { view } = await readVisibleTender(deps, actor, tenderId)
    const back = view.state === 'resultPublicity' ? 'award' : 'evaluation'
    const outcome = await attempt(() => endPublicity(deps, actor, tenderId, undefined))
    if (!outcome.ok)
      return show(deps, request, reply, [refusalError(pageContext(request), outcome.problem, [])])
    return seeOther(reply, `/tenders/${encodeURIComponent(tenderId)}/${back}`)
  })
}
