// The award setup page (定标准备) and its forms: draw the award committee, freeze the dossiers, and after
// the decision issue the award notice, record a winner who declines or the signed contract. Each POST
// runs the API's own command (the page reads the version itself: no If-Match); a refusal comes back
// beside its field with the API's code, else 303 back to the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { CreditLookups } from '../credit/credit-lookups.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { formText, schemaErrors } from '../web/form-input.ts'
import { type PageContext, pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import { type FieldError, problemError } from '../web/problem-messages.ts'
import { ContractBody, DeclineBody, FormCommitteeBody } from './award.schemas.ts'
import { issueAwardNotice, recordContract, recordWinnerDeclined } from './award-commands.ts'
import { readAwardSetup } from './award-setup-data.ts'
import { freezeDossiers } from './dossiers.ts'
import { formAwardCommittee } from './form-award-committee.ts'
import { awardSetupPage, EMPTY_SETUP_FORM, type SetupFormValues } from './pages/award-setup.page.ts'

/** The page's inputs (the error summary links to them). */
const SETUP_FIELDS = ['size', 'chairId', 'reason', 'contractRef']

interface SetupRequest {
  readonly actor: Actor
  readonly ctx: PageContext
  readonly tenderId: string
  readonly values: SetupFormValues
}

function setupRequest(request: FastifyRequest): SetupRequest {
  const { tenderId } = request.params as { tenderId: string }
  const values = Object.fromEntries(SETUP_FIELDS.map((name) => [name, formText(request.body, name)]))
  return {
    actor: requireActor(request),
    ctx: pageContext(request),
    tenderId,
    values: { ...EMPTY_SETUP_FORM, ...values },
  }
}

async function showSetup(
  deps: CommandDeps,
  reply: FastifyReply,
  at: SetupRequest,
  errors: readonly FieldError[] = [],
) {
  const data = await readAwardSetup(deps, at.actor, at.tenderId)
  return sendPage(reply, awardSetupPage(at.ctx, data, at.values, errors), errors.length ? 422 : 200)
}

/** Runs a command; on a refusal the page shows it beside its field, else 303 back to the page. */
async function act(deps: SetupDeps, reply: FastifyReply, at: SetupRequest, command: () => Promise<unknown>) {
  const outcome = await attempt(command)
  if (!outcome.ok) {
    const error = problemError(at.ctx.t, outcome.problem, SETUP_FIELDS, { members: 'size' })
    return showSetup(deps, reply, at, [error])
  }
  return seeOther(reply, `/tenders/${at.tenderId}/award`)
}

/** The committee form's body as the API takes it: an empty size or chair is the API's default. */
function committeeBody(values: SetupFormValues) {
  const size = /^\d{1,3}$/.test(values.size) ? Number(values.size) : values.size
  return {
    ...(values.size === '' ? {} : { size }),
    ...(values.chairId === '' ? {} : { chairId: values.chairId }),
  }
}

/** `credit`: the app's credit lookups, for the dossiers the freeze fixes. */
type SetupDeps = CommandDeps & { readonly credit: CreditLookups }

export async function awardSetupPages(app: FastifyInstance, deps: SetupDeps): Promise<void> {
  app.get('/tenders/:tenderId/award', async (request, reply) => showSetup(deps, reply, setupRequest(request)))

  app.post('/tenders/:tenderId/award/committee', async (request, reply) => {
    const at = setupRequest(request)
    const body = committeeBody(at.values)
    const labels = { size: at.ctx.t.awardSetup.size, chairId: at.ctx.t.awardSetup.chair }
    const errors = schemaErrors(at.ctx.t, FormCommitteeBody, body, labels)
    if (errors.length) return showSetup(deps, reply, at, errors)
    const { size, chairId } = body as { size?: number; chairId?: string }
    return act(deps, reply, at, () =>
      formAwardCommittee(deps, at.actor, at.tenderId, { size, chairId, ifMatch: undefined }),
    )
  })

  app.post('/tenders/:tenderId/award/dossiers/freeze', async (request, reply) => {
    const at = setupRequest(request)
    return act(deps, reply, at, () => freezeDossiers(deps, at.actor, at.tenderId, undefined))
  })

  app.post('/tenders/:tenderId/award-notice', async (request, reply) => {
    const at = setupRequest(request)
    return act(deps, reply, at, () => issueAwardNotice(deps, at.actor, at.tenderId, undefined))
  })

  app.post('/tenders/:tenderId/winner-declined', async (request, reply) => {
    const at = setupRequest(request)
    const labels = { reason: at.ctx.t.awardSetup.declineReason }
    const errors = schemaErrors(at.ctx.t, DeclineBody, { reason: at.values.reason }, labels)
    if (errors.length) return showSetup(deps, reply, at, errors)
    return act(deps, reply, at, () =>
      recordWinnerDeclined(deps, at.actor, at.tenderId, at.values.reason, undefined),
    )
  })

  app.post('/tenders/:tenderId/contract', async (request, reply) => {
    const at = setupRequest(request)
    const labels = { contractRef: at.ctx.t.awardSetup.contractRef }
    const errors = schemaErrors(at.ctx.t, ContractBody, { contractRef: at.values.contractRef }, labels)
    if (errors.length) return showSetup(deps, reply, at, errors)
    return act(deps, reply, at, () =>
      recordContract(deps, at.actor, at.tenderId, at.values.contractRef, undefined),
    )
  })
}
