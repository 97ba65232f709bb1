// END_PUBLICITY: closes whichever publicity period is current — candidates (→ awarding) or the
// result (→ awarded) — once it has run its course with no objection pending (条例 Art 54).
import type { Actor } from '../auth/actor.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'

export function endPublicity(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch: number | undefined) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizePurchaserOrOperator,
    // The publicity period (candidatePublicityDays, resultPublicityDays) is the machine's rule.
    decide: () => ({ type: 'END_PUBLICITY' }),
  })
}
