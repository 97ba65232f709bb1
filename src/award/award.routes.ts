// Award (定标) routes: committee draw, dossiers, the sitting (check-in, recusal, the chair's rounds:
// sitting.routes.ts), secret ballots, re-vote, decision, notice, decline, contract, and the award
// meeting's read views.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import type { CreditLookups } from '../credit/credit-lookups.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import { commandRoute, createCommandRoute } from '../pipeline/command-route.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
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

/** `credit`: the app's credit lookups, for the candidates' dossiers (定标资料). */
export async function awardRoutes(
  app: FastifyInstance,
  deps: CommandDeps & { readonly credit: CreditLookups },
): Promise<void> {
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/committee',
    operationId: 'formAwardCommittee',
    summary: 'Draw the award committee (定标委员会) from the member pool, verifiably (purchaser)',
    description:
      "Draws the award committee (定标委员会) at random from the purchaser's member pool, with a proof anyone can re-run, and names its chair. Only the owning purchaser may, once, in the award phase; the size must meet the pack's minimum (odd where required), the pool must be large enough and the chair one of the drawn (422 invalid_committee_size, award_pool_too_small, chair_not_on_committee; 409 committee_already_formed).",
    tag,
    body: FormCommitteeBody,
    run: ({ actor, params, body, ifMatch }) =>
      formAwardCommittee(deps, actor, params.id, { size: body.size, chairId: body.chairId, ifMatch }),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/dossiers/freeze',
    operationId: 'freezeAwardDossiers',
    summary: 'Freeze the candidate dossiers every committee member reads, by their hash (purchaser)',
    description:
      'Freezes the candidate dossiers (定标资料: bidder, declared price, evaluation summary, credit) that every committee member reads, by their hash. Only the owning purchaser may, once the committee is formed and before anyone votes (422 committee_not_formed; 409 dossiers_already_frozen).',
    tag,
    run: ({ actor, params, ifMatch }) => freezeDossiers(deps, actor, params.id, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/ballots',
    operationId: 'castAwardBallot',
    summary:
      'Cast a secret ballot with reasons in the open round; answers its receipt, never its choice (member checked in)',
    description:
      "Casts the member's secret ballot, with reasons, for a candidate still in the open round, and answers its receipt; its choice is withheld until the chair closes the round. Only a member of this tender's award committee who has checked in may, once the chair has opened the round, once per round (403 not_on_committee; 409 already_voted; 422 not_an_active_candidate).",
    tag,
    body: BallotBody,
    run: ({ actor, params, body, ifMatch }) => castBallot(deps, actor, params.id, body, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/award/revote',
    operationId: 'startAwardRevote',
    summary:
      'Vote again among the tied candidates of a closed round; the chair then opens it (chair or purchaser)',
    description:
      "Starts a re-vote among the tied candidates of a closed round; the chair then opens it. The committee's chair or the owning purchaser may, and only when the award method finds the round tied with re-votes left under the pack's maxRevotes; the refusal names the meeting's next step.",
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
    description:
      "Records the committee's result (定标) with reasons and starts the result publicity; the event says whether the chair or the purchaser recorded it. The committee's chair or the owning purchaser may, and only for exactly the winner the votes or the declared tie-break designate (422 winner_not_designated, with the meeting's next step).",
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
    description:
      "Declares the award failed (定标失败) when a tie outlasts the re-votes and the declared tie-break; the purchaser then re-tenders. The committee's chair or the owning purchaser may, and only when the award method finds the meeting deadlocked (422 award_not_deadlocked).",
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
    description:
      'Issues the award notice (中标通知书) to the winner, with result notices to the other bidders; the contract falls due contractDays after it. Only the owning purchaser may, once the tender is awarded, once (409 notice_already_issued).',
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
    description:
      'Records, with a reason, that the winner falls away: the award is held again among the remaining candidates, or the tender fails with none left. Only the owning purchaser may, once the tender is awarded.',
    tag,
    body: DeclineBody,
    run: ({ actor, params, body, ifMatch }) =>
      recordWinnerDeclined(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/contract',
    operationId: 'recordContractSigned',
    summary: 'Record the signed contract; completes the tender (purchaser)',
    description:
      'Records the signed contract by its reference and completes the tender. Only the owning purchaser may, after the award notice (422 notice_not_issued; 法 Art 46).',
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
