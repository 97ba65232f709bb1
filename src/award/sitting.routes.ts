// Routes of the award meeting's sitting (定标会): check-in with the declaration of no conflict (签到),
// recusal (回避), the chair's opening and closing of each round, and a user's own meetings.
import type { FastifyInstance } from 'fastify'
import { requireActor } from '../auth/authenticate.ts'
import { problemResponses } from '../http/schemas.ts'
import { commandRoute } from '../pipeline/command-route.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
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
    description:
      "Records the member's check-in (签到) with a declaration of no conflict of interest with any candidate. Only a drawn member of this tender's award committee may, once, while the rule pack holds a sitting (403 not_on_committee; 409 already_checked_in, already_recused, attendance_complete; 409 sitting_not_declared).",
    tag,
    body: CheckInBody,
    run: ({ actor, params, body, ifMatch }) => checkIn(deps, actor, params.id, body.statement, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/recusal',
    operationId: 'recuseFromAwardMeeting',
    summary: 'Recuse from the award meeting with a reason (回避); the member no longer votes (member)',
    description:
      "Records the member's recusal (回避) with a reason; the member no longer votes (a replacement draw is not yet made). Only a drawn member may, between rounds, once (403 not_on_committee; 409 already_recused, round_open).",
    tag,
    body: RecusalBody,
    run: ({ actor, params, body, ifMatch }) => recuse(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/rounds/:round/open',
    operationId: 'openAwardRound',
    summary: 'Open the current round for ballots once the quorum is present and the dossiers frozen (chair)',
    description:
      "Opens the current round for ballots. Only the committee's chair (组长) may, once the pack's quorum (awardQuorum) has checked in and the dossiers are frozen, for the round the meeting is at (403 not_the_chair; 409 round_already_open, round_closed, not_the_current_round; 422 quorum refusals).",
    tag,
    params: RoundParams,
    run: ({ actor, params, ifMatch }) => openRound(deps, actor, params.id, params.round, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/rounds/:round/close',
    operationId: 'closeAwardRound',
    summary: 'Close the current round once every member present has voted; its tally is revealed (chair)',
    description:
      "Closes the current round and reveals its tally. Only the committee's chair may, once every member present has voted (403 not_the_chair; 409 ballots_outstanding, not_the_current_round).",
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
