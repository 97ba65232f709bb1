// The main navigation: one entry per page a role starts from. A capability adding such a page adds its
// entry here (links only; src/web imports no capability).
import type { Role } from '../auth/actor.ts'
import type { Messages } from './messages/messages.ts'

export interface NavEntry {
  readonly href: string
  readonly label: (t: Messages) => string
  /** Shown to a viewer with any of these roles; everyone signed in when absent. */
  readonly roles?: readonly Role[]
  /** Shown to visitors who are not signed in too (the public notices). */
  readonly public?: boolean
}

export const NAVIGATION: readonly NavEntry[] = [
  { href: '/', label: (t) => t.layout.home },
  {
    href: '/tenders',
    label: (t) => t.layout.tenders,
    roles: ['purchaser', 'agent', 'supervisor', 'auditor', 'operator'],
  },
  {
    href: '/meetings',
    label: (t) => t.layout.meetings,
    roles: ['award_member', 'purchaser', 'agent', 'supervisor'],
  },
  { href: '/public', label: (t) => t.notices.nav, public: true },
  { href: '/operator/clock', label: (t) => t.clock.nav, roles: ['operator'] },
]

/** The entries for a viewer's roles; null: a visitor who is not signed in (public entries only). */
export function navigationFor(roles: readonly Role[] | null): readonly NavEntry[] {
  if (roles === null) return NAVIGATION.filter((entry) => entry.public === true)
  return NAVIGATION.filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)))
}
