// The sandbox clock over HTTP: read it, and (operator) advance it. Registered always, so the API
// document is the same everywhere; where the sandbox is off (production, PostgreSQL) both answer 404.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { Body, IsoDateTime, ProblemRef, problemResponses } from '../http/schemas.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { NotFound } from '../shared/errors.ts'
import { type AdvanceRequest, advanceSandboxClock, type SandboxDeps } from './advance-clock.ts'
import { DURATION_PATTERN } from './duration.ts'

const ClockView = Type.Object({
  now: IsoDateTime("the platform's time"),
  offsetMs: Type.Integer({ description: 'how far the sandbox clock is ahead of real time' }),
})

const AdvanceBody = Body(
  {
    by: Type.Optional(
      Type.String({
        pattern: DURATION_PATTERN,
        description: 'ISO 8601 duration (W, D, H, M, S)',
        examples: ['P20D'],
      }),
    ),
    to: Type.Optional(IsoDateTime('the time to move to')),
  },
  { description: 'exactly one of by and to; the clock only moves forward' },
)

const FiredTimerView = Type.Object({
  timerId: Type.String(),
  tenderId: Type.String(),
  kind: Type.String({ examples: ['close_bidding'] }),
  dueAt: IsoDateTime('when the timer was due'),
  outcome: Type.Union([Type.Literal('fired'), Type.Literal('moot'), Type.Literal('deferred')]),
  error: Type.Optional(Type.String()),
})

const AdvanceView = Type.Object({
  from: IsoDateTime('the sandbox time before'),
  now: IsoDateTime('the sandbox time after'),
  fired: Type.Array(FiredTimerView, { description: 'the timers due on the way, each fired at its due time' }),
})

export function sandboxOn(sandbox: SandboxDeps | undefined): SandboxDeps {
  if (!sandbox) {
    throw new NotFound(
      'the sandbox clock is off: it exists only on the embedded default database, never in production',
      {},
      'sandbox_clock_off',
    )
  }
  return sandbox
}

export async function sandboxRoutes(
  app: FastifyInstance,
  deps: { sandbox?: SandboxDeps | undefined } & Pick<CommandDeps, 'followUps'>,
) {
  app.get(
    '/api/v1/sandbox/clock',
    {
      schema: {
        operationId: 'getSandboxClock',
        tags: ['sandbox'],
        summary: "The sandbox clock's time (embedded default only)",
        response: { 200: ClockView, 401: ProblemRef, 404: ProblemRef },
      },
    },
    async () => {
      const { clock } = sandboxOn(deps.sandbox)
      return { now: clock.now().toISOString(), offsetMs: clock.offsetMs() }
    },
  )

  app.post(
    '/api/v1/sandbox/clock/advance',
    {
      schema: {
        operationId: 'advanceSandboxClock',
        tags: ['sandbox'],
        summary: 'Move the sandbox clock forward (operator); every timer due on the way fires',
        security: [{ bearerAuth: [] }],
        body: AdvanceBody,
        response: { 200: AdvanceView, ...problemResponses(404, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const sandbox = { ...sandboxOn(deps.sandbox), followUps: deps.followUps }
      return advanceSandboxClock(sandbox, request.log, actor, request.body as AdvanceRequest)
    },
  )
}
