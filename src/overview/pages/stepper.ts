// The tender's progress as a stepper: the machine's main path, each step saying in words whether it is
// done, current (aria-current="step") or to come; a failed or cancelled tender ends in its end state.
import type { TenderState } from '../../../state-machines/tender.machine.ts'
import { isTenderState, stateName } from '../../web/components/state-chip.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'

/** The main path through the machine (state-machines/tender.machine.ts), draft to contract. */
export const MAIN_PATH: readonly TenderState[] = [
  'draft',
  'bidding',
  'opening',
  'evaluation',
  'candidatePublicity',
  'awarding',
  'resultPublicity',
  'awarded',
  'completed',
]

type Mark = 'done' | 'current' | 'upcoming' | 'skipped'

/** Each step's mark; off the main path (failed, cancelled) the path is not marked and the end is current. */
export function stepMarks(state: string): { state: string; mark: Mark }[] {
  const index = isTenderState(state) ? MAIN_PATH.indexOf(state) : -1
  const path = MAIN_PATH.map((step, i) => ({
    state: step as string,
    mark: (index < 0 ? 'skipped' : i < index ? 'done' : i === index ? 'current' : 'upcoming') as Mark,
  }))
  return index < 0 ? [...path, { state, mark: 'current' }] : path
}

export function stepper(ctx: PageContext, state: string): SafeHtml {
  const t = ctx.t.overview
  const words: Record<Mark, string> = { done: t.done, current: t.current, upcoming: t.upcoming, skipped: '' }
  const steps = stepMarks(state).map(({ state: step, mark }) => {
    const word = ctx.locale === 'zh-CN' ? `（${words[mark]}）` : ` (${words[mark]})`
    const status = words[mark] ? html`<span class="step-mark">${word}</span>` : ''
    const current = mark === 'current' ? html` aria-current="step"` : ''
    return html`<li class="step step-${mark}"${current}>${stateName(ctx, step)}${status}</li>`
  })
  const ended = MAIN_PATH.includes(state as TenderState)
    ? ''
    : html`<p><strong>${t.endedAs(stateName(ctx, state))}</strong></p>`
  return html`<ol class="stepper" aria-label="${t.progressLabel}">${steps}</ol>${ended}`
}
