// Bidders' questions and objections must not name them to the other parties (法 Art 22: potential
// bidders stay confidential), so the tender event's meta carries a withheld identity instead; the
// asker or raiser is kept only in the questions / objections table.
import type { Actor } from '../auth/actor.ts'

export const WITHHELD = 'withheld'

export function withheldIdentity(actor: Actor): Actor {
  return { userId: WITHHELD, orgId: WITHHELD, roles: ['bidder'], ip: WITHHELD, requestId: actor.requestId }
}
