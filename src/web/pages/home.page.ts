// The home page: who is signed in and what they can do here, by role. Signed out, it sends to sign-in.
import type { FastifyInstance } from 'fastify'
import type { Role } from '../../auth/actor.ts'
import { layout } from '../components/layout.ts'
import { attrUrl, html, type SafeHtml } from '../html.ts'
import type { Messages } from '../messages/messages.ts'
import { type PageContext, pageContext, viewerOrgName } from '../page-context.ts'
import { seeOther, sendPage } from '../page-reply.ts'

interface HomeAction {
  readonly href: string
  readonly label: (t: Messages) => string
  readonly roles: readonly Role[]
}

/** What each role starts from; a capability adding such a page adds its entry here. */
export const HOME_ACTIONS: readonly HomeAction[] = [
  { href: '/tenders', label: (t) => t.home.myTenders, roles: ['purchaser', 'agent'] },
  { href: '/tenders/new', label: (t) => t.home.newTender, roles: ['purchaser', 'agent'] },
  { href: '/tenders', label: (t) => t.home.allTenders, roles: ['supervisor', 'auditor', 'operator'] },
  {
    href: '/meetings',
    label: (t) => t.home.myMeetings,
    roles: ['award_member', 'purchaser', 'agent', 'supervisor'],
  },
]

export function homePage(ctx: PageContext): SafeHtml {
  const viewer = ctx.viewer
  if (!viewer) throw new Error('the home page needs a signed-in viewer')
  const t = ctx.t.home
  const actions = HOME_ACTIONS.filter((action) => action.roles.some((role) => viewer.roles.includes(role)))
  const list = actions.length
    ? html`<ul>${actions.map((a) => html`<li><a href="${attrUrl(a.href)}">${a.label(ctx.t)}</a></li>`)}</ul>`
    : html`<p>${t.nothingYet}</p>`
  const body = html`<p class="lead">${viewerOrgName(ctx)}</p>
<h2>${t.yourRoles}</h2>
<ul>${viewer.roles.map((role) => html`<li>${ctx.t.roles[role]}</li>`)}</ul>
<h2>${t.whatYouCanDo}</h2>
${list}`
  return layout(ctx, { title: t.welcome(viewer.displayName), body })
}

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (request, reply) => {
    const ctx = pageContext(request)
    if (!ctx.viewer) return seeOther(reply, '/login')
    return sendPage(reply, homePage(ctx))
  })
}
