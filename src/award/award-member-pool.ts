// The award-member pool (定标委员会成员库) a committee is drawn from, read in the draw's transaction or
// by the award setup page (whom a draw would take). All SQL of the award phase's reads lives here and
// in award-directory.ts.
import type { Kysely } from 'kysely'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Database } from '../db/schema.ts'

/**
 * Users with the award_member role in the purchaser's organisation, minus anyone who sat on this
 * tender's evaluation committee (REGULATIONS §5.1 exclusions: 评标委员会成员 may not decide).
 */
export async function eligibleAwardMembers(
  db: Kysely<Database>,
  purchaserOrgId: string,
  context: Pick<TenderContext, 'expertCommittee'>,
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', purchaserOrgId)
    .where((eb) => eb(eb.val('award_member'), '=', eb.fn.any('roles')))
    .orderBy('id')
    .execute()
  const excluded = new Set(context.expertCommittee)
  return rows.map((row) => row.id).filter((id) => !excluded.has(id))
}
