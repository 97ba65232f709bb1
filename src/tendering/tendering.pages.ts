// The tender pages: the list (GET /tenders) and a new draft (GET/POST /tenders/new). They read and act
// through the same functions as the API routes (listVisibleTenders, createTender): no rule of their own.
import type { FastifyInstance } from 'fastify'
import type { TenderParticulars } from '../../state-machines/tender.events.ts'
import { hasRole } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { NotFound } from '../shared/errors.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { listVisibleTenders } from '../tenders/tender-list.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { tenderView } from '../tenders/tender-view.ts'
import { formText, schemaErrors } from '../web/form-input.ts'
import { parseYuan } from '../web/format.ts'
import { pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import { type FieldError, problemError } from '../web/problem-messages.ts'
import { createTender } from './create-tender.ts'
import {
  EMPTY_TENDER_FORM,
  type TenderFormValues,
  tenderFormLabels,
  tenderFormPage,
} from './pages/tender-form.page.ts'
import { tendersListPage } from './pages/tenders-list.page.ts'
import { CreateTenderBody } from './tendering.schemas.ts'

const PAGE_SIZE = 200
/** The API's property names where the form's inputs differ (money is typed in yuan). */
const API_FIELDS = { estimatedValueFen: 'estimatedValue', ceilingPriceFen: 'ceilingPrice' }

async function createdNotice(
  deps: CommandDeps,
  request: { query: unknown },
  actor: Parameters<typeof assertVisible>[1],
) {
  const id = (request.query as { created?: unknown }).created
  if (typeof id !== 'string') return null
  try {
    const tender = await findTender(deps.db, id)
    assertVisible(tender, actor)
    return tender.context.particulars.title
  } catch (error) {
    if (error instanceof NotFound) return null
    throw error
  }
}

function readForm(body: unknown): TenderFormValues {
  const values = Object.fromEntries(
    Object.keys(EMPTY_TENDER_FORM).map((name) => [name, formText(body, name)]),
  )
  return { ...EMPTY_TENDER_FORM, ...values }
}

/** The API body the form stands for, and the amounts that are not amounts. */
function particularsOf(values: TenderFormValues, moneyError: (label: keyof TenderFormValues) => FieldError) {
  const errors: FieldError[] = []
  const fen = (name: 'estimatedValue' | 'ceilingPrice') => {
    if (values[name] === '') return undefined
    const parsed = parseYuan(values[name])
    if (parsed === null) errors.push(moneyError(name))
    return parsed ?? undefined
  }
  const estimatedValueFen = fen('estimatedValue')
  const ceilingPriceFen = fen('ceilingPrice')
  const body = {
    reference: values.reference,
    title: values.title,
    description: values.description,
    ...(values.category ? { category: values.category } : {}),
    ...(estimatedValueFen !== undefined ? { estimatedValueFen } : {}),
    ...(ceilingPriceFen !== undefined ? { ceilingPriceFen } : {}),
  }
  return { body, errors }
}

export async function tenderPages(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  app.get('/tenders', async (request, reply) => {
    const actor = requireActor(request)
    const ctx = pageContext(request)
    const query = request.query as { state?: unknown }
    const state = typeof query.state === 'string' && query.state ? query.state : null
    const mine = hasRole(actor, 'purchaser', 'agent')
    const rows = await listVisibleTenders(deps.db, actor, {
      ...(state ? { state } : {}),
      mine,
      limit: PAGE_SIZE,
      offset: 0,
    })
    const now = deps.clock.now().toISOString()
    const created = await createdNotice(deps, request, actor)
    return sendPage(
      reply,
      tendersListPage(ctx, {
        items: rows.map((row) => tenderView(row, now)),
        state,
        mine,
        canCreate: mine,
        notice: created === null ? null : { text: ctx.t.tenders.created(created) },
      }),
    )
  })

  app.get('/tenders/new', async (request, reply) => {
    requireActor(request)
    return sendPage(reply, tenderFormPage(pageContext(request), EMPTY_TENDER_FORM, []))
  })

  app.post('/tenders/new', async (request, reply) => {
    const actor = requireActor(request)
    const ctx = pageContext(request)
    const labels = tenderFormLabels(ctx)
    const values = readForm(request.body)
    const { body, errors } = particularsOf(values, (name) => ({
      field: name,
      text: ctx.t.form.money(labels[name]),
    }))
    const schemaFaults = schemaErrors(ctx.t, CreateTenderBody, body, labels, API_FIELDS).filter(
      (fault) => !errors.some((error) => error.field === fault.field),
    )
    const faults = [...errors, ...schemaFaults].sort(
      (a, b) => Object.keys(labels).indexOf(a.field ?? '') - Object.keys(labels).indexOf(b.field ?? ''),
    )
    if (faults.length) return sendPage(reply, tenderFormPage(ctx, values, faults), 422)
    const particulars = { ceilingPriceFen: null, ...body } as TenderParticulars
    const outcome = await attempt(() => createTender(deps, actor, particulars))
    if (!outcome.ok) {
      const error = problemError(ctx.t, outcome.problem, Object.keys(labels), API_FIELDS)
      return sendPage(reply, tenderFormPage(ctx, values, [error]), 422)
    }
    return seeOther(reply, `/tenders?created=${encodeURIComponent(outcome.value.id)}`)
  })
}
