// GET/POST /login and POST /logout. Sign-in is the dev login's: offered on the embedded default only
// and refused (403) in production exactly as POST /api/v1/auth/dev-login is.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Forbidden } from '../shared/errors.ts'
import { formText } from '../web/form-input.ts'
import { type PageContext, pageContext } from '../web/page-context.ts'
import { localPath, seeOther, sendPage } from '../web/page-reply.ts'
import { createLoginThrottle, type ThrottleLimits } from './login-throttle.ts'
import { type LoginForm, loginPage } from './pages/login.page.ts'
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.ts'
import { findUserByUsername } from './session-repository.ts'
import { endSession, type SessionDeps, startSession } from './sessions.ts'

export interface SessionPagesDeps extends SessionDeps {
  readonly devLogin: boolean
  readonly loginLimits?: ThrottleLimits
}

const nextOf = (value: string) => (value ? localPath(value) : null)

function refuseUnlessDevLogin(deps: SessionPagesDeps): void {
  if (!deps.devLogin)
    throw new Forbidden('dev login is disabled on this installation', {}, 'dev_login_disabled')
}

function showLogin(reply: FastifyReply, ctx: PageContext, form: Partial<LoginForm>, status = 200) {
  const full: LoginForm = { next: null, errors: [], notice: null, ...form }
  return sendPage(reply, loginPage(ctx, full), status)
}

export async function sessionPages(app: FastifyInstance, deps: SessionPagesDeps): Promise<void> {
  const throttle = createLoginThrottle(deps.clock, deps.loginLimits)

  app.get('/login', async (request, reply) => {
    refuseUnlessDevLogin(deps)
    const ctx = pageContext(request)
    const query = request.query as Record<string, unknown>
    const next = nextOf(typeof query.next === 'string' ? query.next : '')
    if (ctx.viewer) return seeOther(reply, next ?? '/')
    const t = ctx.t.login
    const notice =
      query.ended === '1' || ctx.sessionEnded
        ? { text: t.sessionEnded, kind: 'warning' as const }
        : query.signedOut === '1'
          ? { text: t.signedOut }
          : null
    return showLogin(reply, ctx, { next, notice })
  })

  app.post('/login', async (request, reply) => {
    refuseUnlessDevLogin(deps)
    const ctx = pageContext(request)
    const username = formText(request.body, 'username')
    const next = nextOf(formText(request.body, 'next'))
    const wait = throttle.attempt(request.ip)
    if (wait > 0) {
      const errors = [{ field: null, text: ctx.t.login.tooMany(Math.ceil(wait / 60_000)) }]
      reply.header('retry-after', String(Math.ceil(wait / 1000)))
      return showLogin(reply, ctx, { next, errors }, 429)
    }
    if (!username)
      return showLogin(reply, ctx, { next, errors: [{ field: null, text: ctx.t.login.chooseUser }] }, 422)
    const user = await findUserByUsername(deps.db, username)
    if (!user) {
      const errors = [{ field: null, text: ctx.t.login.unknownUser(username) }]
      return showLogin(reply, ctx, { next, errors }, 422)
    }
    const previous = readSessionCookie(request)
    if (previous) await endSession(deps, previous)
    const session = await startSession(deps, { userId: user.id, orgId: user.orgId, roles: user.roles })
    setSessionCookie(request, reply, session.sessionId)
    return seeOther(reply, next ?? '/')
  })

  app.post('/logout', async (request: FastifyRequest, reply) => {
    const sessionId = readSessionCookie(request)
    if (sessionId) await endSession(deps, sessionId)
    clearSessionCookie(request, reply)
    return seeOther(reply, '/login?signedOut=1')
  })
}
