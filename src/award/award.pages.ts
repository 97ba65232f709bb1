// The award meeting's pages (定标会): my meetings, the meeting (check-in or recusal, dossiers, ballot,
// results, the chair's console), the ballot's confirm page and its receipt. They read through the award
// view and call the API's own commands (checkIn, recuse, castBallot, openRound, closeRound,
// startRevote, recordDecision): a refusal comes back beside its field with the API's code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { formText, schemaErrors } from '../web/form-input.ts'
import { type PageContext, pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import { type FieldError, problemError } from '../web/problem-messages.ts'
import { BallotBody, DecisionBody, RecusalBody } from './award.schemas.ts'
import { recordDecision, startRevote } from './award-commands.ts'
import { readAwardMeeting } from './award-view.ts'
import { castBallot } from './ballots.ts'
import { readDossiers } from './dossiers.ts'
import { readMyMeetings } from './my-meetings.ts'
import { ballotConfirmPage } from './pages/ballot-confirm.page.ts'
import { ballotReceiptPage } from './pages/ballot-receipt.page.ts'
import { meetingPage } from './pages/meeting.page.ts'
import { EMPTY_MEETING_FORM, type MeetingFormValues } from './pages/meeting-member.ts'
import type { MeetingData } from './pages/meeting-view.ts'
import { myMeetingsPage } from './pages/my-meetings.page.ts'
import { checkIn, closeRound, openRound, recuse } from './sitting-commands.ts'

const PAGE_SIZE = 200
/** The meeting page's inputs (the error summary links to them). */
const MEETING_FIELDS = ['declare', 'recusal', 'candidateBidId', 'reason', 'winnerBidId', 'reasons']

async function meetingData(deps: CommandDeps, actor: Actor, tenderId: string): Promise<MeetingData> {
  const view = await readAwardMeeting(deps, actor, tenderId)
  const tender = await findTender(deps.db, tenderId)
  const dossiers = view.dossierHash === null ? null : await readDossiers(deps, actor, tenderId)
  const { reference, title } = tender.context.particulars
  return { view, dossiers, reference, title }
}

function formValues(body: unknown): MeetingFormValues {
  const values = Object.fromEntries(
    Object.keys(EMPTY_MEETING_FORM).map((name) => [name, formText(body, name)]),
  )
  return { ...EMPTY_MEETING_FORM, ...values }
}

interface MeetingRequest {
  readonly actor: Actor
  readonly ctx: PageContext
  readonly tenderId: string
  readonly values: MeetingFormValues
}

function meetingRequest(request: FastifyRequest): MeetingRequest {
  const actor = requireActor(request)
  const { tenderId } = request.params as { tenderId: string }
  return { actor, ctx: pageContext(request), tenderId, values: formValues(request.body) }
}

/** The meeting page again, with what was typed and the errors beside their fields (422). */
async function showMeeting(
  deps: CommandDeps,
  reply: FastifyReply,
  at: MeetingRequest,
  errors: readonly FieldError[] = [],
) {
  const data = await meetingData(deps, at.actor, at.tenderId)
  return sendPage(reply, meetingPage(at.ctx, data, at.values, errors), errors.length ? 422 : 200)
}

/** The API schema's verdict on a form's body, worded for the page's fields. */
function invalid(
  ctx: PageContext,
  schema: TSchema,
  body: object,
  labels: Record<string, string>,
  fields: Record<string, string> = {},
) {
  return schemaErrors(ctx.t, schema, body, labels, fields)
}

/** Runs a command; on a refusal the meeting page shows it beside its field, else 303 to `then`. */
async function act(
  deps: CommandDeps,
  reply: FastifyReply,
  at: MeetingRequest,
  command: () => Promise<unknown>,
  fields: Readonly<Record<string, string>> = {},
  then = `/meetings/${at.tenderId}`,
) {
  const outcome = await attempt(command)
  if (!outcome.ok)
    return showMeeting(deps, reply, at, [problemError(at.ctx.t, outcome.problem, MEETING_FIELDS, fields)])
  return seeOther(reply, then)
}

export async function awardPages(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  app.get('/meetings', async (request, reply) => {
    const actor = requireActor(request)
    const { items } = await readMyMeetings(deps, actor, { limit: PAGE_SIZE, offset: 0 })
    return sendPage(reply, myMeetingsPage(pageContext(request), items))
  })

  app.get('/meetings/:tenderId', async (request, reply) => showMeeting(deps, reply, meetingRequest(request)))

  app.post('/meetings/:tenderId/check-in', async (request, reply) => {
    const at = meetingRequest(request)
    if (formText(request.body, 'declare') !== 'yes')
      return showMeeting(deps, reply, at, [{ field: 'declare', text: at.ctx.t.meeting.declareRequired }])
    const { view } = await meetingData(deps, at.actor, at.tenderId)
    return act(deps, reply, at, () => checkIn(deps, at.actor, at.tenderId, view.checkInStatement, undefined))
  })

  app.post('/meetings/:tenderId/recuse', async (request, reply) => {
    const at = meetingRequest(request)
    const labels = { recusal: at.ctx.t.meeting.recuseReason }
    const errors = invalid(at.ctx, RecusalBody, { reason: at.values.recusal }, labels, { reason: 'recusal' })
    if (errors.length) return showMeeting(deps, reply, at, errors)
    return act(deps, reply, at, () => recuse(deps, at.actor, at.tenderId, at.values.recusal, undefined), {
      reason: 'recusal',
    })
  })

  const ballotLabels = (ctx: PageContext) => ({
    candidateBidId: ctx.t.meeting.ballotCandidate,
    reason: ctx.t.meeting.ballotReason,
  })
  const ballotOf = (values: MeetingFormValues) => ({
    candidateBidId: values.candidateBidId,
    reason: values.reason,
  })

  app.post('/meetings/:tenderId/ballot/confirm', async (request, reply) => {
    const at = meetingRequest(request)
    const errors = invalid(at.ctx, BallotBody, ballotOf(at.values), ballotLabels(at.ctx))
    if (errors.length) return showMeeting(deps, reply, at, errors)
    const data = await meetingData(deps, at.actor, at.tenderId)
    return sendPage(reply, ballotConfirmPage(at.ctx, data, ballotOf(at.values)))
  })

  app.post('/meetings/:tenderId/ballot/change', async (request, reply) =>
    showMeeting(deps, reply, meetingRequest(request)),
  )

  app.post('/meetings/:tenderId/ballot', async (request, reply) => {
    const at = meetingRequest(request)
    const errors = invalid(at.ctx, BallotBody, ballotOf(at.values), ballotLabels(at.ctx))
    if (errors.length) return showMeeting(deps, reply, at, errors)
    return act(
      deps,
      reply,
      at,
      () => castBallot(deps, at.actor, at.tenderId, ballotOf(at.values), undefined),
      {},
      `/meetings/${at.tenderId}/receipt`,
    )
  })

  app.get('/meetings/:tenderId/receipt', async (request, reply) => {
    const at = meetingRequest(request)
    const view = await readAwardMeeting(deps, at.actor, at.tenderId)
    const receipt = view.me.receipts.findLast((r) => r.round === view.round) ?? null
    return sendPage(reply, ballotReceiptPage(at.ctx, at.tenderId, receipt))
  })

  app.post('/meetings/:tenderId/rounds/:round/:step', async (request, reply) => {
    const at = meetingRequest(request)
    const { round, step } = request.params as { round: string; step: string }
    const n = Number(round)
    if (!Number.isInteger(n) || n < 1 || (step !== 'open' && step !== 'close')) return reply.callNotFound()
    const command = step === 'open' ? openRound : closeRound
    return act(deps, reply, at, () => command(deps, at.actor, at.tenderId, n, undefined))
  })

  app.post('/meetings/:tenderId/revote', async (request, reply) => {
    const at = meetingRequest(request)
    return act(deps, reply, at, () => startRevote(deps, at.actor, at.tenderId, undefined))
  })

  app.post('/meetings/:tenderId/decision', async (request, reply) => {
    const at = meetingRequest(request)
    const labels = { winnerBidId: at.ctx.t.meeting.winner, reasons: at.ctx.t.meeting.reasons }
    const body = { winnerBidId: at.values.winnerBidId, reasons: at.values.reasons }
    const errors = invalid(at.ctx, DecisionBody, body, labels)
    if (errors.length) return showMeeting(deps, reply, at, errors)
    return act(deps, reply, at, () =>
      recordDecision(deps, at.actor, at.tenderId, body.winnerBidId, body.reasons, undefined),
    )
  })
}
