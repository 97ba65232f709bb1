// The tender overview page (GET /tenders/:id) and the signed records' downloads in the page scope
// (GET /records/:recordId/pdf and /jws): the session's actor, the API's own reads and access rules.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { requireActor } from '../auth/authenticate.ts'
import type { Database } from '../db/schema.ts'
import { authorizeRecordReader } from '../records/record-access.ts'
import { findRecord, findRecordMeta } from '../records/record-repository.ts'
import type { Clock } from '../shared/clock.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { pageContext } from '../web/page-context.ts'
import { sendPage } from '../web/page-reply.ts'
import { readOverview } from './overview-read.ts'
import { overviewPage } from './pages/overview.page.ts'
import { timelineSection } from './timeline-section.ts'

export interface OverviewDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

/** The stored record after the API's reader check (404 hidden draft, 403 someone else's record). */
async function readableRecord(deps: OverviewDeps, request: FastifyRequest) {
  const { recordId } = request.params as { recordId: string }
  const meta = await findRecordMeta(deps.db, recordId)
  authorizeRecordReader(await findTender(deps.db, meta.tenderId), request.actor, meta)
  return findRecord(deps.db, meta.recordId)
}

/** ?events=all: the whole timeline instead of the latest events. */
const allEvents = (request: FastifyRequest) => (request.query as { events?: unknown }).events === 'all'

export async function overviewPages(app: FastifyInstance, deps: OverviewDeps): Promise<void> {
  app.get('/tenders/:id', async (request, reply) => {
    const actor = requireActor(request)
    const ctx = pageContext(request)
    const overview = await readOverview(deps, actor, (request.params as { id: string }).id)
    const timeline = overview.history
      ? await timelineSection(
          deps.db,
          ctx,
          actor,
          overview.tender.id,
          overview.history.version,
          allEvents(request),
        )
      : null
    return sendPage(reply, overviewPage(ctx, overview, timeline))
  })

  app.get('/records/:recordId/pdf', async (request, reply) => {
    const record = await readableRecord(deps, request)
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${record.recordId}.pdf"`)
      .header('etag', `"${record.pdfSha256}"`)
      .send(record.pdf)
  })

  app.get('/records/:recordId/jws', async (request, reply) => {
    const record = await readableRecord(deps, request)
    return reply
      .type('application/jose')
      .header('content-disposition', `attachment; filename="${record.recordId}.jws"`)
      .send(record.jws)
  })
}
