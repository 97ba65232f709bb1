// What the procedure pages (publish, opening, evaluation) share: the tender as the API reads it, whether
// the viewer passes a command's own authorizer (so a page offers only what the API would take), and a
// refusal worded with the rule's source beside its field.
import type { Actor } from '../auth/actor.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { DomainError } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { tenderView } from '../tenders/tender-view.ts'
import type { PageContext } from './page-context.ts'
import type { ProblemFacts } from './problem-facts.ts'
import { type FieldError, problemError } from './problem-messages.ts'

export type TenderViewData = ReturnType<typeof tenderView>

/** The tender as GET /api/v1/tenders/:id reads it (404 for a draft the viewer may not see). */
export async function readVisibleTender(
  deps: Pick<CommandDeps, 'db' | 'clock'>,
  actor: Actor,
  tenderId: string,
): Promise<{ tender: Tender; view: TenderViewData }> {
  const tender = await findTender(deps.db, tenderId)
  assertVisible(tender, actor)
  return { tender, view: tenderView(tender, deps.clock.now().toISOString()) }
}

/** Whether the command's own authorizer lets the viewer act (its refusal, thrown, means no). */
export function passes(authorize: (tender: Tender, actor: Actor) => void, tender: Tender, actor: Actor) {
  try {
    authorize(tender, actor)
    return true
  } catch (error) {
    if (error instanceof DomainError) return false
    throw error
  }
}

/** Whether the machine takes `event` now and the viewer may send it. */
export function offers(
  view: TenderViewData,
  event: string,
  authorize: (tender: Tender, actor: Actor) => void,
  tender: Tender,
  actor: Actor,
): boolean {
  return (view.allowedEvents as readonly string[]).includes(event) && passes(authorize, tender, actor)
}

/** The refusal in the page's words (these pages' own codes first), with the rule's source. */
export function refusalError(
  ctx: PageContext,
  problem: ProblemFacts,
  formFields: readonly string[],
  fields: Readonly<Record<string, string>> = {},
): FieldError {
  const base = problemError(ctx.t, problem, formFields, fields)
  const own = (
    ctx.t.procedure.problems as Readonly<Record<string, ((p: ProblemFacts) => string) | undefined>>
  )[problem.code]
  const text = own ? own(problem) : base.text
  const source = typeof problem.facts.source === 'string' ? problem.facts.source : null
  return { field: base.field, text: source ? `${text}${ctx.t.procedure.citation(source)}` : text }
}
