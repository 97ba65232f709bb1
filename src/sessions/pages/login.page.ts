// The sign-in page: on the embedded default, one button per seeded demo user (no passwords), grouped
// by role; the buttons share one form and the one pressed names the user.
import type { Role } from '../../auth/actor.ts'
import { DEMO_ORGANISATIONS, DEMO_USERS, type DemoUser } from '../../organisations/demo-directory.ts'
import { postForm } from '../../web/components/form-fields.ts'
import { layout, type Notice } from '../../web/components/layout.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'

export interface LoginForm {
  /** Where to go after signing in (a path of this site). */
  readonly next: string | null
  readonly errors: readonly FieldError[]
  readonly notice: Notice | null
}

function orgName(ctx: PageContext, orgId: string): string {
  const org = DEMO_ORGANISATIONS.find((o) => o.id === orgId)
  if (!org) return ''
  return ctx.locale === 'en' ? org.nameEn : org.name
}

function userButton(ctx: PageContext, user: DemoUser): SafeHtml {
  return html`<li><button type="submit" class="user-choice" name="username" value="${user.username}">
  <span class="user-name">${user.displayName}</span>
  <span class="user-detail">${user.username} · ${orgName(ctx, user.orgId)}</span>
</button></li>`
}

function groups(): [Role, DemoUser[]][] {
  const byRole = new Map<Role, DemoUser[]>()
  for (const user of DEMO_USERS) {
    const role = user.roles[0] as Role
    byRole.set(role, [...(byRole.get(role) ?? []), user])
  }
  const order: readonly Role[] = [
    'purchaser',
    'agent',
    'award_member',
    'expert',
    'bidder',
    'supervisor',
    'auditor',
    'operator',
  ]
  return [...byRole].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
}

export function loginPage(ctx: PageContext, form: LoginForm): SafeHtml {
  const t = ctx.t.login
  const sections = groups().map(
    ([role, users]) => html`<section class="user-group" aria-labelledby="role-${role}">
  <h3 id="role-${role}">${ctx.t.roles[role]}</h3>
  <ul class="user-choices">${users.map((user) => userButton(ctx, user))}</ul>
</section>`,
  )
  const fields = html`${form.next ? html`<input type="hidden" name="next" value="${form.next}">` : ''}
<h2>${t.demoUsers}</h2>
<p>${t.chooseUser}</p>
${sections}`
  const body = html`<p class="lead">${t.intro}</p>
${postForm(ctx, '/login', fields)}`
  return layout(ctx, { title: t.title, body, errors: form.errors, notice: form.notice })
}
