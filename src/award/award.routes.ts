// Award (定标) routes: committee draw, dossiers, the sitting (check-in, recusal, the chair's rounds:
// sitting.routes.ts), secret ballots, re-vote, decision, notice, decline, contract, and the award
// meeting's read views.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { commandRoute, createCommandRoute } from '../http/command-route.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
import {
  AwardMeetingSchema,
  BallotBody,
  ContractBody,
  DecisionBody,
  DeclineBody,
  DossiersSchema,
  FormCommitteeBody,
} from './award.schemas.ts'
import {
  failTiedAward,
  issueAwardNotice,
  recordContract,
  recordDecision,
  recordWinnerDeclined,
  startRevote,
} from './award-commands.ts'
import { readAwardMeeting } from './award-view.ts'
import { castBallot } from './ballots.ts'
import { freezeDossiers, readDossiers } from './dossiers.ts'
import { formAwardCommittee } from './form-award-committee.ts'
import { registerMeetingReads, registerSittingCommands } from './sitting.routes.ts'

const tag = 'award'

export async function awardRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/committee',
    operationId: 'formAwardCommittee',
    summary: 'Draw the award committee (定标委员会) from the member pool, verifiably (purchaser)',
    tag,
    body: FormCommitteeBody,
    run: ({ actor, params, body, ifMatch }) =>
      formAwardCommittee(deps, actor, params.id, { size: body.size, chairId: body.chairId, ifMatch }),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/dossiers/freeze',
    operationId: 'freezeAwardDossiers',
    summary: 'Freeze the candidate dossiers every committee member reads, by their hash (purchaser)',
    tag,
    run: ({ actor, params, ifMatch }) => freezeDossiers(deps, actor, params.id, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/ballots',
    operationId: 'castAwardBallot',
    summary:
      'Cast a secret ballot with reasons in the open round; answers its receipt, never its choice (member checked in)',
    tag,
    body: BallotBody,
    run: ({ actor, params, body, ifMatch }) => castBallot(deps, actor, params.id, body, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/revote',
    operationId: 'startAwardRevote',
    summary:
      'Vote again among the tied candidates of a closed round; the chair then opens it (chair or purchaser)',
    tag,
    run: ({ actor, params, ifMatch }) => startRevote(deps, actor, params.id, ifMatch),
  })
  registerSittingCommands(app, deps)
  registerOutcomeCommands(app, deps)
  registerResultCommands(app, deps)
  registerAwardReads(app, deps)
  registerMeetingReads(app, deps)
}

/** The meeting's two ends: a decision, or a tie nothing may break. */
function registerOutcomeCommands(app: FastifyInstance, deps: CommandDeps): void {
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/decision',
    operationId: 'recordAwardDecision',
    summary:
      "Record the committee's result (定标) with reasons; starts the result publicity (chair or purchaser)",
    tag,
    body: DecisionBody,
    run: ({ actor, params, body, ifMatch }) =>
      recordDecision(deps, actor, params.id, body.winnerBidId, body.reasons, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/failure',
    operationId: 'failTiedAward',
    summary:
      'Declare the award failed (定标失败) when a tie outlasts the re-votes and the tie-break; re-tender (chair or purchaser)',
    tag,
    run: ({ actor, params, ifMatch }) => failTiedAward(deps, actor, params.id, ifMatch),
  })
}

/** What follows the decision: notice, a winner falling away, the contract. */
function registerResultCommands(app: FastifyInstance, deps: CommandDeps): void {
  // The notice has no URL of its own: its signed record is listed under …/records once issued.
  createCommandRoute(app, {
    url: '/api/v1/tenders/:id/award-notice',
    operationId: 'issueAwardNotice',
    summary: 'Issue the award notice (中标通知书); the contract falls due from here (purchaser)',
    tag,
    run: ({ actor, params, ifMatch }) => issueAwardNotice(deps, actor, params.id, ifMatch),
    extra: {
      contractDueAt: Type.Union([Type.String(), Type.Null()], { description: 'the contract is due by' }),
    },
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/winner-declined',
    operationId: 'recordWinnerDeclined',
    summary: 'The winner falls away: award again among the rest, or fail with none left (purchaser)',
    tag,
    body: DeclineBody,
    run: ({ actor, params, body, ifMatch }) =>
      recordWinnerDeclined(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/contract',
    operationId: 'recordContractSigned',
    summary: 'Record the signed contract; completes the tender (purchaser)',
    tag,
    body: ContractBody,
    run: ({ actor, params, body, ifMatch }) =>
      recordContract(deps, actor, params.id, body.contractRef, ifMatch),
  })
}

function registerAwardReads(app: FastifyInstance, deps: CommandDeps): void {
  app.get(
    '/api/v1/tenders/:id/award/dossiers',
    {
      schema: {
        operationId: 'getAwardDossiers',
        tags: [tag],
        summary: 'The frozen candidate dossiers, recomputed and checked against their hash',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: DossiersSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) => readDossiers(deps, requireActor(request), (request.params as { id: string }).id),
  )
  app.get(
    '/api/v1/tenders/:id/award',
    {
      schema: {
        operationId: 'getAwardMeeting',
        tags: [tag],
        summary:
          'The award meeting: attendance and quorum, rounds (ballots and counts secret until the chair closes each), next step, my part',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: AwardMeetingSchema, ...problemResponses(404) },
      },
    },
    async (request) => readAwardMeeting(deps, requireActor(request), (request.params as { id: string }).id),
  )
}
