// The overview's timeline, read by readHistory (GET /api/v1/tenders/:id/history's own function, its
// readers and what it withholds) and the names of who acted, rendered once per tender version and
// language: a tender's events never change and its version is the seq of its last event, so until a new
// event lands the rendered timeline is reused (a page then reads no event at all). The columns shown (seq, time, type, who, hash)
// are the same for every reader the history admits, so the cache is shared between them.
import type { Kysely } from 'kysely'
import { readHistory } from '../audit/history.ts'
import { WITHHELD } from '../audit-log/withheld-identity.ts'
import type { Actor } from '../auth/actor.ts'
import { displayNames, organisationsByIds } from '../award/award-directory.ts'
import type { Database } from '../db/schema.ts'
import type { SafeHtml } from '../web/html.ts'
import type { PageContext } from '../web/page-context.ts'
import { timeline } from './pages/timeline.ts'

const MAX_CACHED = 500
const cache = new Map<string, SafeHtml>()

const keyOf = (ctx: PageContext, tenderId: string, all: boolean, version: number) =>
  `${ctx.locale}|${all ? 'all' : 'latest'}|${tenderId}|${version}`

const idsOf = (values: readonly unknown[]) =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== WITHHELD))].sort()

/** The rendered timeline at `version` (the tender's, as just read). */
export async function timelineSection(
  db: Kysely<Database>,
  ctx: PageContext,
  actor: Actor,
  tenderId: string,
  version: number,
  all: boolean,
): Promise<SafeHtml> {
  const cached = cache.get(keyOf(ctx, tenderId, all, version))
  if (cached) return cached
  const { events } = await readHistory(db, actor, tenderId)
  const userNames = await displayNames(db, idsOf(events.map((event) => event.actor.userId)))
  const orgs = await organisationsByIds(db, idsOf(events.map((event) => event.actor.orgId)))
  const orgNames = new Map([...orgs].map(([id, org]) => [id, org.name]))
  const rendered = timeline(ctx, { events, userNames, orgNames }, tenderId, all)
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  // Keyed by what was read: a newer event than `version` is shown, never an older timeline under a newer key.
  cache.set(keyOf(ctx, tenderId, all, events.at(-1)?.seq ?? 0), rendered)
  return rendered
}
