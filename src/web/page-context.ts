// What every page is rendered with: the language and its messages, who is signed in, the CSRF token
// for its forms and where it is (for the language links). Built once per page request.
import type { FastifyRequest } from 'fastify'
import type { Role } from '../auth/actor.ts'
import type { Locale } from './locale-names.ts'
import type { Messages } from './messages/messages.ts'

/** The signed-in user as pages show them. */
export interface Viewer {
  readonly displayName: string
  readonly orgName: string
  /** The organisation's English name ('' when the directory has none). */
  readonly orgNameEn: string
  readonly roles: readonly Role[]
}

/** The viewer's organisation in the page's language. */
export function viewerOrgName(ctx: PageContext): string {
  const viewer = ctx.viewer
  if (!viewer) return ''
  return ctx.locale === 'en' && viewer.orgNameEn ? viewer.orgNameEn : viewer.orgName
}

export interface PageContext {
  readonly locale: Locale
  readonly t: Messages
  readonly viewer: Viewer | null
  /** The token every form of this page carries (csrfField() writes it). */
  readonly csrfToken: string
  /** The request's path and query, for links back to this page (the language switch). */
  readonly url: string
  /** The session cookie named a session that has expired or was ended. */
  readonly sessionEnded: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    page: PageContext | null
  }
}

/** The page context of a request inside the page scope (src/web/page-foundation.ts builds it). */
export function pageContext(request: FastifyRequest): PageContext {
  if (!request.page)
    throw new Error('pageContext() outside the page scope: register the route under src/pages.ts')
  return request.page
}
