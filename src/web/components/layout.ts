// Every page's frame: <html lang>, the title, a skip link, the header (service name, language switch,
// the signed-in user with the sign-out form, the main navigation), one <main> with one h1, the footer.
import { assetUrl } from '../assets.ts'
import { attrUrl, html, type SafeHtml } from '../html.ts'
import { LOCALE_NAMES, LOCALES } from '../locale-names.ts'
import { navigationFor } from '../navigation.ts'
import { type PageContext, viewerOrgName } from '../page-context.ts'
import type { FieldError } from '../problem-messages.ts'
import { errorSummary } from './error-summary.ts'
import { postForm } from './form-fields.ts'

export interface Notice {
  readonly text: string
  readonly kind?: 'success' | 'warning'
}

export interface LayoutOptions {
  /** The page's one h1, also its <title>. */
  readonly title: string
  readonly body: SafeHtml
  /** Shown in the error summary above the h1 (and "错误：" before the title). */
  readonly errors?: readonly FieldError[]
  readonly notice?: Notice | null
}

/** This page's URL in another language (?lang= set, the rest of the query kept). */
export function languageUrl(url: string, locale: string): string {
  const parsed = new URL(url, 'https://page.invalid')
  parsed.searchParams.set('lang', locale)
  return `${parsed.pathname}${parsed.search}`
}

function languageSwitch(ctx: PageContext): SafeHtml {
  const links = LOCALES.map(
    (locale) =>
      html`<li><a href="${attrUrl(languageUrl(ctx.url, locale))}" lang="${locale}" hreflang="${locale}"${
        locale === ctx.locale ? html` aria-current="true"` : ''
      }>${LOCALE_NAMES[locale]}</a></li>`,
  )
  return html`<nav class="lang-switch" aria-label="${ctx.t.layout.language}"><ul>${links}</ul></nav>`
}

/** A visitor's way in (not on the sign-in page itself). */
function signInLink(ctx: PageContext): SafeHtml {
  const path = new URL(ctx.url, 'https://page.invalid').pathname
  if (path === '/login') return html``
  return html`<div class="wrap header-user"><p><a href="/login">${ctx.t.layout.signIn}</a></p></div>`
}

function signedInUser(ctx: PageContext): SafeHtml {
  const viewer = ctx.viewer
  if (!viewer) return signInLink(ctx)
  const roles = viewer.roles.map((role) => ctx.t.roles[role]).join('、')
  return html`<div class="wrap header-user">
    <p>${ctx.t.layout.signedInAs}<strong>${viewer.displayName}</strong> · ${viewerOrgName(ctx)} · ${roles}</p>
    ${postForm(ctx, '/logout', html`<button type="submit" class="link-button">${ctx.t.layout.signOut}</button>`)}
  </div>`
}

function mainNavigation(ctx: PageContext): SafeHtml {
  const path = new URL(ctx.url, 'https://page.invalid').pathname
  const entries = navigationFor(ctx.viewer?.roles ?? null)
  if (!entries.length) return html``
  const items = entries.map((entry) => {
    const current =
      entry.href === '/' ? path === '/' : path === entry.href || path.startsWith(`${entry.href}/`)
    return html`<li><a href="${attrUrl(entry.href)}"${current ? html` aria-current="page"` : ''}>${entry.label(ctx.t)}</a></li>`
  })
  return html`<nav class="wrap main-nav" aria-label="${ctx.t.layout.mainNavigation}"><ul>${items}</ul></nav>`
}

function notice(value: Notice | null | undefined): SafeHtml {
  if (!value) return html``
  const warning = value.kind === 'warning'
  return html`<div class="notice${warning ? ' notice-warning' : ''}" role="${warning ? 'alert' : 'status'}"><p>${value.text}</p></div>`
}

export function layout(ctx: PageContext, options: LayoutOptions): SafeHtml {
  const t = ctx.t.layout
  const errors = options.errors ?? []
  const title = t.pageTitle(
    errors.length ? `${ctx.locale === 'zh-CN' ? '错误：' : 'Error: '}${options.title}` : options.title,
  )
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="${attrUrl(assetUrl('favicon.svg'))}" type="image/svg+xml">
<link rel="stylesheet" href="${attrUrl(assetUrl('site.css'))}">
<script src="${attrUrl(assetUrl('enhance.js'))}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header">
  <div class="wrap header-bar">
    <a class="brand" href="/"><img class="brand-mark" src="${attrUrl(assetUrl('favicon.svg'))}" alt="">${t.serviceName}</a>
    ${languageSwitch(ctx)}
  </div>
  ${signedInUser(ctx)}
  ${mainNavigation(ctx)}
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${errorSummary(ctx, errors)}
${notice(options.notice)}
<h1>${options.title}</h1>
${options.body}
</div>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${t.footer}</p>
    <p><a href="/docs">${t.apiDocs}</a></p>
  </div>
</footer>
</body>
</html>
`
}
