// A tender's state as a chip: its name in words (the records' words in Chinese), tinted by phase.
// The tint only groups; the text carries the state, so it reads the same without colour.
import type { TenderState } from '../../../state-machines/tender.machine.ts'
import { html, type SafeHtml } from '../html.ts'
import type { PageContext } from '../page-context.ts'

type Tint = 'preparing' | 'open' | 'reviewing' | 'public' | 'deciding' | 'done' | 'stopped'

const TINTS: Readonly<Record<TenderState, Tint>> = {
  draft: 'preparing',
  bidding: 'open',
  opening: 'reviewing',
  evaluation: 'reviewing',
  candidatePublicity: 'public',
  awarding: 'deciding',
  resultPublicity: 'public',
  awarded: 'done',
  completed: 'done',
  failed: 'stopped',
  cancelled: 'stopped',
}

export function isTenderState(state: string): state is TenderState {
  return Object.hasOwn(TINTS, state)
}

/** The state's name in the page's language ("—" never: an unknown state shows its code). */
export function stateName(ctx: PageContext, state: string): string {
  return isTenderState(state) ? ctx.t.states[state] : state
}

export function stateChip(ctx: PageContext, state: string): SafeHtml {
  const tint = isTenderState(state) ? TINTS[state] : 'preparing'
  return html`<span class="chip chip-${tint}">${stateName(ctx, state)}</span>`
}
