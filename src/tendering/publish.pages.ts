// The publish page of a draft (GET/POST /tenders/:id/publish): the form checks its body with the API's
// PublishBody and publishes through the API's publishTender; the machine's refusals (deadline too soon,
// a method the pack does not allow …) come back beside their fields with the rule's source.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { DEFAULT_RULE_PACK_ID, listRulePacks } from '../rules/rule-packs.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { layout } from '../web/components/layout.ts'
import { formText, schemaErrors } from '../web/form-input.ts'
import { attrUrl, html } from '../web/html.ts'
import { type PageContext, pageContext } from '../web/page-context.ts'
import { attempt, seeOther, sendPage } from '../web/page-reply.ts'
import type { FieldError } from '../web/problem-messages.ts'
import { readVisibleTender, refusalError } from '../web/procedure-support.ts'
import { type PublishFormValues, publishFormLabels, publishFormPage } from './pages/publish-form.page.ts'
import { type PublishRequest, publishTender } from './tender-commands.ts'
import { PublishBody } from './tendering.schemas.ts'

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

/**
 * A datetime-local value read as Shanghai time (UTC+8 all year, no daylight saving) as a UTC instant;
 * anything else is handed on as typed, so the API's schema refuses it.
 */
export function shanghaiToUtc(typed: string): string {
  if (!LOCAL_TIME.test(typed)) return typed
  const date = new Date(`${typed.length === 16 ? `${typed}:00` : typed}+08:00`)
  return Number.isNaN(date.getTime()) ? typed : date.toISOString()
}

function readForm(body: unknown): PublishFormValues {
  return {
    rulePackId: formText(body, 'rulePackId') || DEFAULT_RULE_PACK_ID,
    evaluationMethod: formText(body, 'evaluationMethod'),
    awardMethod: formText(body, 'awardMethod'),
    awardFactors: formText(body, 'awardFactors'),
    deadline: formText(body, 'deadline'),
  }
}

/** The API body the form stands for (an empty field is absent, so the schema says it is required). */
function publishBodyOf(values: PublishFormValues): Record<string, unknown> {
  const factors = values.awardFactors
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return {
    rulePackId: values.rulePackId,
    ...(values.evaluationMethod ? { evaluationMethod: values.evaluationMethod } : {}),
    ...(values.awardMethod ? { awardMethod: values.awardMethod } : {}),
    ...(factors.length ? { awardFactors: factors } : {}),
    ...(values.deadline ? { deadline: shanghaiToUtc(values.deadline) } : {}),
  }
}

const EMPTY: PublishFormValues = {
  rulePackId: DEFAULT_RULE_PACK_ID,
  evaluationMethod: '',
  awardMethod: '',
  awardFactors: '',
  deadline: '',
}

type PublishPagesDeps = CommandDeps & { readonly keys: PlatformKeys }

async function showForm(
  deps: PublishPagesDeps,
  reply: FastifyReply,
  at: { ctx: PageContext; actor: Actor; tenderId: string },
  values: PublishFormValues,
  errors: readonly FieldError[] = [],
) {
  const { tender } = await readVisibleTender(deps, at.actor, at.tenderId)
  authorizeOwnPurchaser(tender, at.actor)
  if (tender.state !== 'draft') {
    const t = at.ctx.t.publishForm
    const body = html`<p>${t.notDraft}</p><p><a href="${attrUrl(`/tenders/${tender.id}`)}">${t.back}</a></p>`
    return sendPage(
      reply,
      layout(at.ctx, { title: t.title(tender.context.particulars.title), body, errors }),
      errors.length ? 422 : 200,
    )
  }
  const data = { tenderId: tender.id, title: tender.context.particulars.title, packs: listRulePacks() }
  return sendPage(reply, publishFormPage(at.ctx, data, values, errors), errors.length ? 422 : 200)
}

export async function publishPages(app: FastifyInstance, deps: PublishPagesDeps): Promise<void> {
  app.get('/tenders/:id/publish', async (request, reply) => {
    const at = {
      ctx: pageContext(request),
      actor: requireActor(request),
      tenderId: (request.params as { id: string }).id,
    }
    return showForm(deps, reply, at, EMPTY)
  })

  app.post('/tenders/:id/publish', async (request, reply) => {
    const at = {
      ctx: pageContext(request),
      actor: requireActor(request),
      tenderId: (request.params as { id: string }).id,
    }
    const labels = publishFormLabels(at.ctx)
    const values = readForm(request.body)
    const body = publishBodyOf(values)
    const faults = schemaErrors(at.ctx.t, PublishBody, body, labels)
    if (faults.length) return showForm(deps, reply, at, values, faults)
    const outcome = await attempt(() =>
      publishTender(deps, at.actor, at.tenderId, body as unknown as PublishRequest, undefined),
    )
    if (!outcome.ok) {
      const error = refusalError(at.ctx, outcome.problem, Object.keys(labels), { rulePack: 'rulePackId' })
      return showForm(deps, reply, at, values, [error])
    }
    return seeOther(reply, `/tenders/${encodeURIComponent(at.tenderId)}`)
  })
}
