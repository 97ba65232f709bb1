// The sign-in page: on the embedded default, a choice of the seeded demo users (no passwords).
import { DEMO_ORGANISATIONS, DEMO_USERS } from '../../organisations/demo-directory.ts'
import { layout, type Notice } from '../../web/components/layout.ts'
import { errorFor, postForm, radioField, submitButton } from '../../web/components/form-fields.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'

export interface LoginForm {
  readonly username: string | null
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

export function loginPage(ctx: PageContext, form: LoginForm): SafeHtml {
  const t = ctx.t.login
  const choices = DEMO_USERS.map((user) => ({
    value: user.username,
    label: user.displayName,
    hint: `${user.username} · ${user.roles.map((role) => ctx.t.roles[role]).join('、')} · ${orgName(ctx, user.orgId)}`,
  }))
  const fields = html`${form.next ? html`<input type="hidden" name="next" value="${form.next}">` : ''}
${radioField({
  name: 'username',
  label: t.demoUsers,
  hint: t.chooseUser,
  error: errorFor(form.errors, 'username'),
  choices,
  selected: form.username,
})}
${submitButton(t.submit)}`
  const body = html`<p class="lead">${t.intro}</p>
${postForm(ctx, '/login', fields)}`
  return layout(ctx, { title: t.title, body, errors: form.errors, notice: form.notice })
}
