// What the award setup page (定标准备) is drawn from: the award view (readAwardMeeting, the API's own
// read, with the draw proof and the award report), the frozen dossiers, whom a draw would take now, the
// names of the pool's members and the rule pack's committee size.
import type { Actor } from '../auth/actor.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { displayNames } from './award-directory.ts'
import { eligibleAwardMembers } from './award-member-pool.ts'
import { readAwardMeeting } from './award-view.ts'
import { readDossiers } from './dossiers.ts'
import type { MeetingData } from './pages/meeting-view.ts'

export interface AwardSetupData extends MeetingData {
  /** Whom a draw would take now (only while the reader may draw), else the pool the draw recorded. */
  readonly pool: readonly string[]
  readonly names: ReadonlyMap<string, string>
  /** The pack's committee rule: at least `minSize` members, odd where required. */
  readonly committeeRule: { readonly minSize: number; readonly odd: boolean } | null
}

export async function readAwardSetup(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
): Promise<AwardSetupData> {
  const view = await readAwardMeeting(deps, actor, tenderId)
  const tender = await findTender(deps.db, tenderId)
  const { context } = tender
  const dossiers = view.dossierHash === null ? null : await readDossiers(deps, actor, tenderId)
  const drawing = view.me.actions.includes('FORM_AWARD_COMMITTEE')
  const pool = drawing
    ? await eligibleAwardMembers(deps.db, tender.purchaserOrgId, context)
    : (view.draw?.pool ?? [])
  const names = await displayNames(deps.db, pool)
  const rule = context.rulePack?.awardCommittee ?? null
  const { reference, title } = context.particulars
  return {
    view,
    dossiers,
    reference,
    title,
    pool,
    names,
    committeeRule: rule === null ? null : { minSize: rule.minSize.value, odd: rule.odd },
  }
}
