// The web UI: the page scope (src/web's foundation) and, inside it, each capability's pages. The API
// stays outside it: JSON bodies, bearer tokens, problem+json.
import type { FastifyInstance } from 'fastify'
import { awardPages } from './award/award.pages.ts'
import { overviewPages } from './overview/overview.pages.ts'
import type { CommandDeps } from './pipeline/tender-command.ts'
import type { ThrottleLimits } from './sessions/login-throttle.ts'
import { sessionPages } from './sessions/sessions.pages.ts'
import { findPageSession } from './sessions/sessions.ts'
import { tenderPages } from './tendering/tendering.pages.ts'
import { assetRoutes } from './web/assets.ts'
import { type PageFoundationDeps, registerPageFoundation } from './web/page-foundation.ts'
import { homeRoutes } from './web/pages/home.page.ts'

/** The pages run the same tender commands as the API, with the same follow-ups. */
export interface PagesDeps extends CommandDeps {
  readonly devLogin: boolean
  readonly loginLimits?: ThrottleLimits
}

export function pageFoundationDeps(deps: Pick<PagesDeps, 'db' | 'clock'>): PageFoundationDeps {
  return { findSession: (sessionId) => findPageSession(deps, sessionId) }
}

export async function webPages(app: FastifyInstance, deps: PagesDeps): Promise<void> {
  // Outside the page scope: assets need no session, language or CSRF check.
  await app.register(assetRoutes)
  await app.register(async (pages) => {
    await registerPageFoundation(pages, pageFoundationDeps(deps))
    await pages.register(homeRoutes)
    await pages.register(sessionPages, deps)
    await pages.register(tenderPages, deps)
    await pages.register(awardPages, deps)
    await pages.register(overviewPages, deps)
  })
}
