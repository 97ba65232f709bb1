// Errors on pages are pages: 403 (and a refused form), 404, 429, 500 in the layout, in the user's
// language, never a stack trace. Unauthenticated means "sign in": 303 to the login page.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../shared/errors.ts'
import { layout } from './components/layout.ts'
import { html } from './html.ts'
import { fromAcceptLanguage } from './locale.ts'
import { messagesFor } from './messages/messages.ts'
import type { PageContext } from './page-context.ts'
import { paragraphs, seeOther, sendPage } from './page-reply.ts'
import { problemFactsOf } from './problem-facts.ts'
import { problemText } from './problem-messages.ts'

/** When the page scope's own hook failed before building the context: language from the headers only. */
function contextOf(request: FastifyRequest): PageContext {
  if (request.page) return request.page
  const locale = fromAcceptLanguage(request.headers['accept-language'])
  return { locale, t: messagesFor(locale), viewer: null, csrfToken: '', url: '/', sessionEnded: false }
}

function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  text: string,
) {
  const ctx = contextOf(request)
  const body = html`${paragraphs(text)}<p><a href="/">${ctx.t.errors.backHome}</a></p>`
  return sendPage(reply, layout(ctx, { title, body }), status)
}

export function renderNotFound(request: FastifyRequest, reply: FastifyReply) {
  const { t } = contextOf(request)
  return errorPage(request, reply, 404, t.errors.notFoundTitle, t.errors.notFound)
}

/** Where to sign in from here: back to this page afterwards when it is one to GET. */
function loginUrl(request: FastifyRequest): string {
  const params = new URLSearchParams()
  if (request.method === 'GET') params.set('next', request.url)
  if (request.page?.sessionEnded) params.set('ended', '1')
  const query = params.toString()
  return query ? `/login?${query}` : '/login'
}

export function handlePageError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { t } = contextOf(request)
  const problem = problemFactsOf(error)
  if (problem?.status === 401) return seeOther(reply, loginUrl(request))
  if (problem?.code === 'csrf_refused')
    return errorPage(request, reply, 403, t.errors.csrfTitle, t.errors.csrf)
  if (problem?.status === 403)
    return errorPage(request, reply, 403, t.errors.forbiddenTitle, problemText(t, problem))
  if (problem?.status === 404) return renderNotFound(request, reply)
  if (problem?.status === 429) return errorPage(request, reply, 429, t.errors.tooManyTitle, t.errors.tooMany)
  if (problem && error instanceof DomainError) {
    return errorPage(request, reply, problem.status, t.errors.refusedTitle, problemText(t, problem))
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return errorPage(request, reply, status, t.errors.badRequestTitle, t.errors.badRequest)
  }
  request.log.error({ err: error }, 'unhandled error on a page')
  return errorPage(request, reply, 500, t.errors.serverErrorTitle, t.errors.serverError(request.id))
}
