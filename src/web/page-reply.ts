// How a page handler answers: a rendered page (with its status), or 303 See Other after a POST
// (Post/Redirect/Get); and how it runs a command whose refusal the form shows instead of an error page.
import type { FastifyReply } from 'fastify'
import { html, type SafeHtml } from './html.ts'
import { type ProblemFacts, problemFactsOf } from './problem-facts.ts'

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.toString())
}

/** 303 to a path of this site (never elsewhere: a foreign or odd target becomes "/"). */
export function seeOther(reply: FastifyReply, path: string): FastifyReply {
  return reply.redirect(localPath(path), 303)
}

/** The path if it stays on this site ("/tenders?state=draft"), else "/". */
export function localPath(path: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/'
  const parsed = new URL(path, 'https://page.invalid')
  return parsed.origin === 'https://page.invalid' ? `${parsed.pathname}${parsed.search}` : '/'
}

/** Statuses a form answers by showing the refusal beside its fields (400, 409, 412, 422). */
const FORM_STATUSES = new Set([400, 409, 412, 422])

export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ProblemFacts }

/**
 * Runs a command as the API would and hands back its refusal for the form to show. A refusal a form
 * cannot fix (401, 403, 404) and anything unexpected are thrown on to the error pages.
 */
export async function attempt<T>(command: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await command() }
  } catch (error) {
    const problem = problemFactsOf(error)
    if (problem && FORM_STATUSES.has(problem.status)) return { ok: false, problem }
    throw error
  }
}

/** A paragraph list, for simple page bodies. */
export function paragraphs(...texts: readonly string[]): SafeHtml {
  return html`${texts.map((text) => html`<p>${text}</p>`)}`
}
