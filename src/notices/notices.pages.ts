// The public notices (公示公告), no sign-in: the list of published tenders, a tender's public page, the
// candidate publicity, the award result and the award notice. Every read is made as a caller without a
// token, whoever looks (public-tender.ts), so a page never shows what the API hides from one.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { pageContext } from '../web/page-context.ts'
import { sendPage } from '../web/page-reply.ts'
import { awardNoticePage } from './pages/award-notice.page.ts'
import { candidatesPage } from './pages/candidates.page.ts'
import { noticesListPage } from './pages/notices-list.page.ts'
import { resultPage } from './pages/result.page.ts'
import { tenderNoticePage } from './pages/tender-notice.page.ts'
import { readAwardNotice, readAwardResult, readCandidatePublicity } from './public-award.ts'
import { listPublicTenders, type NoticeDeps, readPublicTender } from './public-tender.ts'

const tenderIdOf = (request: FastifyRequest) => (request.params as { tenderId: string }).tenderId

export async function noticePages(app: FastifyInstance, deps: NoticeDeps): Promise<void> {
  app.get('/public', async (request, reply) =>
    sendPage(reply, noticesListPage(pageContext(request), await listPublicTenders(deps))),
  )

  app.get('/public/tenders/:tenderId', async (request, reply) =>
    sendPage(
      reply,
      tenderNoticePage(pageContext(request), await readPublicTender(deps, tenderIdOf(request))),
    ),
  )

  app.get('/public/tenders/:tenderId/candidates', async (request, reply) => {
    const data = await readCandidatePublicity(deps, tenderIdOf(request))
    return sendPage(reply, candidatesPage(pageContext(request), data))
  })

  app.get('/public/tenders/:tenderId/result', async (request, reply) => {
    const data = await readAwardResult(deps, tenderIdOf(request))
    return sendPage(reply, resultPage(pageContext(request), data))
  })

  app.get('/public/tenders/:tenderId/award-notice', async (request, reply) => {
    const data = await readAwardNotice(deps, tenderIdOf(request))
    return sendPage(reply, awardNoticePage(pageContext(request), data))
  })
}
