// Which tenders a caller sees in a list, for the API (GET /api/v1/tenders) and the pages alike:
// published ones and the caller's own drafts; oversight sees all; `mine` narrows to the caller's own.
import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { isOversight } from './tender-access.ts'
import { listTenders } from './tender-repository.ts'

export interface TenderListQuery {
  readonly state?: string
  readonly mine?: boolean
  readonly limit: number
  readonly offset: number
}

export function listVisibleTenders(db: Kysely<Database>, actor: Actor | null, query: TenderListQuery) {
  return listTenders(db, {
    ...(query.state ? { state: query.state } : {}),
    ...(actor && (query.mine || !isOversight(actor)) ? { purchaserOrgId: actor.orgId } : {}),
    publishedOnly: !isOversight(actor) && !query.mine,
    limit: query.limit,
    offset: query.offset,
  })
}
