// The award-member pool (定标委员会成员库) a committee is drawn from, and the stream head the draw is
// seeded with. All SQL of the award phase's reads lives here and in award-directory.ts.
import type { Transaction } from 'kysely'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Database } from '../db/schema.ts'

/**
 * Users with the award_member role in the purchaser's organisation, minus anyone who sat on this
 * tender's evaluation committee (REGULATIONS §5.1 exclusions: 评标委员会成员 may not decide).
 */
export async function eligibleAwardMembers(
  trx: Transaction<Database>,
  purchaserOrgId: string,
  context: Pick<TenderContext, 'expertCommittee'>,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', purchaserOrgId)
    .where((eb) => eb(eb.val('award_member'), '=', eb.fn.any('roles')))
    .orderBy('id')
    .execute()
  const excluded = new Set(context.expertCommittee)
  return rows.map((row) => row.id).filter((id) => !excluded.has(id))
}
