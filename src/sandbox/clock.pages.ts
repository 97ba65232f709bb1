// The operator's sandbox clock page (GET /operator/clock, POST /operator/clock/advance): the same
// clock and the same advance as GET /api/v1/sandbox/clock and POST …/advance, refused alike (not the
// operator: 403; the sandbox off, as in production: the API's 404 sandbox_clock_off).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type Actor, requireRole } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { recentlyFiredTimers, upcomingTimers } from '../timers/timer-repository.ts'
import { formText } from '../web/form-input.ts'
import { timeText } from '../web/format.ts'
import { pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import { type FieldError, problemText } from '../web/problem-messages.ts'
import { type AdvanceRequest, advanceSandboxClock, type SandboxDeps } from './advance-clock.ts'
import { clockPage } from './pages/clock.page.ts'
import { sandboxOn } from './sandbox.routes.ts'

const LISTED = 20
const DAYS = /^\d{1,4}$/

export interface ClockPageDeps extends Pick<CommandDeps, 'followUps'> {
  readonly sandbox?: SandboxDeps | undefined
}

/** The operator, on a server whose sandbox is on: else the API's refusals. */
function operatorSandbox(
  deps: ClockPageDeps,
  request: FastifyRequest,
): { actor: Actor; sandbox: SandboxDeps } {
  const actor = requireActor(request)
  requireRole(actor, 'operator')
  return { actor, sandbox: sandboxOn(deps.sandbox) }
}

async function showClock(
  request: FastifyRequest,
  reply: FastifyReply,
  sandbox: SandboxDeps,
  by = '',
  errors: readonly FieldError[] = [],
) {
  const ctx = pageContext(request)
  const data = {
    now: sandbox.clock.now().toISOString(),
    offsetMs: sandbox.clock.offsetMs(),
    upcoming: await upcomingTimers(sandbox.db, LISTED),
    fired: await recentlyFiredTimers(sandbox.db, LISTED),
  }
  const advanced = (request.query as { advanced?: unknown }).advanced
  const notice =
    advanced === '1' && !errors.length
      ? { text: ctx.t.clock.advanced(timeText(data.now, ctx.locale)), kind: 'success' as const }
      : null
  return sendPage(reply, clockPage(ctx, data, by, errors, notice), errors.length ? 422 : 200)
}

/** The form's request as the API takes it: a duration ("P1D", or a number of days), or a time. */
function advanceRequest(body: unknown): AdvanceRequest {
  const to = formText(body, 'to')
  if (to) return { to }
  const by = formText(body, 'by').trim().toUpperCase()
  return { by: DAYS.test(by) ? `P${by}D` : by }
}

export async function clockPages(app: FastifyInstance, deps: ClockPageDeps): Promise<void> {
  app.get('/operator/clock', async (request, reply) => {
    const { sandbox } = operatorSandbox(deps, request)
    return showClock(request, reply, sandbox)
  })

  app.post('/operator/clock/advance', async (request, reply) => {
    const { actor, sandbox } = operatorSandbox(deps, request)
    const ctx = pageContext(request)
    const typed = formText(request.body, 'by')
    const body = advanceRequest(request.body)
    if (body.by === '')
      return showClock(request, reply, sandbox, typed, [
        { field: 'by', text: ctx.t.form.required(ctx.t.clock.by) },
      ])
    const outcome = await attempt(() =>
      advanceSandboxClock({ ...sandbox, followUps: deps.followUps }, request.log, actor, body),
    )
    if (!outcome.ok) {
      const field = body.by === undefined ? null : 'by'
      return showClock(request, reply, sandbox, typed, [{ field, text: problemText(ctx.t, outcome.problem) }])
    }
    return seeOther(reply, '/operator/clock?advanced=1')
  })
}
