// The page scope: what every page request goes through before its handler. Security headers, the
// language, the session (the actor comes from it exactly as the API's comes from a token), the CSRF
// check of every state-changing request, urlencoded bodies, and HTML error pages.
import { randomBytes } from 'node:crypto'
import formbody from '@fastify/formbody'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../auth/actor.ts'
import { actorFromClaims } from '../auth/authenticate.ts'
import { clearCookie, readCookie, setCookie } from './cookies.ts'
import { assertCsrfToken, assertSameOrigin, csrfToken } from './csrf.ts'
import { resolveLocale } from './locale.ts'
import { messagesFor } from './messages/messages.ts'
import type { Viewer } from './page-context.ts'
import { handlePageError, renderNotFound } from './page-errors.ts'
import { setSecurityHeaders } from './security-headers.ts'

/** The cookie holding the random session id (src/sessions writes it at sign-in). */
export const SESSION_COOKIE = 'yx_session'
/** The secret of a browser that is not signed in: the login form's token is made from it. */
const BROWSER_COOKIE = 'yx_browser'
const LANG_COOKIE = 'lang'
const YEAR_SECONDS = 365 * 24 * 3600
const SECRET_FORMAT = /^[A-Za-z0-9_-]{43}$/
const FORM_BODY_LIMIT = 512 * 1024

/** A live session as pages need it: the actor's claims and who to show in the header. */
export interface PageSession {
  readonly userId: string
  readonly orgId: string
  readonly roles: Role[]
  readonly viewer: Viewer
}

export interface PageFoundationDeps {
  /** The live session a session cookie's value names, or null (unknown, expired or revoked). */
  readonly findSession: (sessionId: string) => Promise<PageSession | null>
}

/** The secrets a form token of this request may be made from. */
const formSecrets = new WeakMap<FastifyRequest, readonly string[]>()

export function newBrowserSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Builds request.page and request.actor from the cookies; the root's 404 page runs it too. */
export async function preparePage(request: FastifyRequest, reply: FastifyReply, deps: PageFoundationDeps) {
  setSecurityHeaders(request, reply)
  reply.header('cache-control', 'no-store')
  const choice = resolveLocale(
    request.query,
    readCookie(request, LANG_COOKIE),
    request.headers['accept-language'],
  )
  if (choice.remember)
    setCookie(request, reply, LANG_COOKIE, choice.locale, { httpOnly: true, maxAge: YEAR_SECONDS })
  const sessionId = readCookie(request, SESSION_COOKIE)
  const validId = sessionId !== undefined && SECRET_FORMAT.test(sessionId) ? sessionId : null
  const session = validId ? await deps.findSession(validId) : null
  if (sessionId !== undefined && !session) clearCookie(request, reply, SESSION_COOKIE)
  let browser = readCookie(request, BROWSER_COOKIE)
  if (browser === undefined || !SECRET_FORMAT.test(browser)) {
    browser = newBrowserSecret()
    setCookie(request, reply, BROWSER_COOKIE, browser, { httpOnly: true, maxAge: YEAR_SECONDS })
  }
  formSecrets.set(request, validId ? [validId, browser] : [browser])
  request.actor = session ? actorFromClaims(session, request) : null
  request.page = {
    locale: choice.locale,
    t: messagesFor(choice.locale),
    viewer: session?.viewer ?? null,
    csrfToken: csrfToken(session && validId ? validId : browser),
    url: request.url,
    sessionEnded: sessionId !== undefined && !session,
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Makes `scope` the page scope. Register page routes inside it only: they get the hooks below, HTML
 * errors, urlencoded bodies (the API elsewhere stays JSON), and stay out of the OpenAPI document.
 */
export async function registerPageFoundation(
  scope: FastifyInstance,
  deps: PageFoundationDeps,
): Promise<void> {
  scope.decorateRequest('page', null)
  await scope.register(formbody, { bodyLimit: FORM_BODY_LIMIT })
  scope.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true }
  })
  scope.addHook('onRequest', (request, reply) => preparePage(request, reply, deps))
  // After the body is read (its token is in the body) and before any handler: nothing runs unchecked.
  scope.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return
    assertSameOrigin(request)
    assertCsrfToken(request, formSecrets.get(request) ?? [])
  })
  scope.setErrorHandler(handlePageError)
}

/** The HTML 404 for a page address no route serves (the root's not-found handler calls it). */
export function pageNotFoundHandler(deps: PageFoundationDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    await preparePage(request, reply, deps)
    return renderNotFound(request, reply)
  }
}

/** A request for a page rather than the API: not under /api/ and asking for HTML. */
export function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? ''
  if (path.startsWith('/api/') || path.startsWith('/docs') || path.startsWith('/.well-known/')) return false
  return (request.headers.accept ?? '').includes('text/html')
}
