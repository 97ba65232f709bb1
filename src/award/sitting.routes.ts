// Routes of the award meeting's sitting (定标会): check-in with the declaration of no conflict (签到),
// recusal (回避), the chair's opening and closing of each round, and a user's own meetings.
import type { FastifyInstance } from 'fastify'
import { requireActor } from '../auth/authenticate.ts'
import { commandRoute } from '../http/command-route.ts'
import { problemResponses } from '../http/schemas.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
import { CheckInBody, MeetingsQuery, MeetingsSchema, RecusalBody, RoundParams } from './award.schemas.ts'
import { readMyMeetings } from './my-meetings.ts'
import { checkIn, closeRound, openRound, recuse } from './sitting-commands.ts'

const tag = 'award'

export function registerSittingCommands(app: FastifyInstance, deps: CommandDeps): void {
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/check-in',
    operationId: 'checkInToAwardMeeting',
    summary:
      'Check in to the award meeting, declaring no conflict of interest with any candidate (签到; member)',
    tag,
    body: CheckInBody,
    run: ({ actor, params, body, ifMatch }) => checkIn(deps, actor, params.id, body.statement, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/recusal',
    operationId: 'recuseFromAwardMeeting',
    summary: 'Recuse from the award meeting with a reason (回避); the member no longer votes (member)',
    tag,
    body: RecusalBody,
    run: ({ actor, params, body, ifMatch }) => recuse(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/rounds/:round/open',
    operationId: 'openAwardRound',
    summary: 'Open the current round for ballots once the quorum is present and the dossiers frozen (chair)',
    tag,
    params: RoundParams,
    run: ({ actor, params, ifMatch }) => openRound(deps, actor, params.id, params.round, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/rounds/:round/close',
    operationId: 'closeAwardRound',
    summary: 'Close the current round once every member present has voted; its tally is revealed (chair)',
    tag,
    params: RoundParams,
    run: ({ actor, params, ifMatch }) => closeRound(deps, actor, params.id, params.round, ifMatch),
  })
}

export function registerMeetingReads(app: FastifyInstance, deps: CommandDeps): void {
  app.get(
    '/api/v1/meetings',
    {
      schema: {
        operationId: 'listMyAwardMeetings',
        tags: [tag],
        summary:
          "The signed-in user's award meetings (awarding, result publicity): as chair, member, purchaser or supervisor",
        security: [{ bearerAuth: [] }],
        querystring: MeetingsQuery,
        response: { 200: MeetingsSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const { limit, offset } = request.query as { limit: number; offset: number }
      return readMyMeetings(deps, requireActor(request), { limit, offset })
    },
  )
}
