// The main navigation: one entry per page a role starts from. A capability adding such a page adds its
// entry here (links only; src/web imports no capability).
import type { Role } from '../auth/actor.ts'
import type { Messages } from './messages/messages.ts'

export interface NavEntry {
  readonly href: string
  readonly label: (t: Messages) => string
  /** Shown to a viewer with any of these roles; everyone signed in when absent. */
  readonly roles?: readonly Role[]
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
]

export function navigationFor(roles: readonly Role[]): readonly NavEntry[] {
  return NAVIGATION.filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)))
}
