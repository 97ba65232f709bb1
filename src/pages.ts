// The web UI: the page scope (src/web's foundation) and, inside it, each capability's pages. The API
// stays outside it: JSON bodies, bearer tokens, problem+json.
import type { FastifyInstance } from 'fastify'
import { awardPages } from './award/award.pages.ts'
import { awardSetupPages } from './award/award-setup.pages.ts'
import { noticePages } from './notices/notices.pages.ts'
import type { OpeningDeps } from './opening/opening-deps.ts'
import { overviewPages } from './overview/overview.pages.ts'
import { procedurePages } from './procedure-pages.ts'
import type { SandboxDeps } from './sandbox/advance-clock.ts'
import { clockPages } from './sandbox/clock.pages.ts'
import type { ThrottleLimits } from './sessions/login-throttle.ts'
import { sessionPages } from './sessions/sessions.pages.ts'
import { findPageSession } from './sessions/sessions.ts'
import { tenderPages } from './tendering/tendering.pages.ts'
import { assetRoutes } from './web/assets.ts'
import { type PageFoundationDeps, registerPageFoundation } from './web/page-foundation.ts'
import { homeRoutes } from './web/pages/home.page.ts'

/** The pages run the same tender commands as the API, with the same follow-ups (and keys, credit). */
export interface PagesDeps extends OpeningDeps {
  readonly devLogin: boolean
  readonly loginLimits?: ThrottleLimits
  /** The sandbox clock, where it is on (the operator's clock page). */
  readonly sandbox?: SandboxDeps | undefined
}

/** Sessions keep real time (as tokens do): moving the sandbox clock on signs nobody out. */
function sessionDeps<D extends Pick<PagesDeps, 'db' | 'clock' | 'sandbox'>>(deps: D): D {
  return deps.sandbox ? { ...deps, clock: deps.sandbox.clock.realTime } : deps
}

export function pageFoundationDeps(deps: Pick<PagesDeps, 'db' | 'clock' | 'sandbox'>): PageFoundationDeps {
  const sessions = sessionDeps(deps)
  return { findSession: (sessionId) => findPageSession(sessions, sessionId) }
}

export async function webPages(app: FastifyInstance, deps: PagesDeps): Promise<void> {
  // Outside the page scope: assets need no session, language or CSRF check.
  await app.register(assetRoutes)
  await app.register(async (pages) => {
    await registerPageFoundation(pages, pageFoundationDeps(deps))
    await pages.register(homeRoutes)
    await pages.register(sessionPages, sessionDeps(deps))
    await pages.register(tenderPages, deps)
    await pages.register(awardPages, deps)
    await pages.register(noticePages, deps)
    await pages.register(clockPages, deps)
    await pages.register(awardSetupPages, deps)
    await pages.register(procedurePages, deps)
    await pages.register(overviewPages, deps)
  })
}
