// Test-only: push machine events onto a tender through the real command pipeline, skipping the HTTP
// routes and role checks of earlier phases, so a test can start from any phase.

import type { Actor, Role } from '../../src/auth/actor.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { executeTenderCommand, type ProposedEvent } from '../../src/pipeline/tender-command.ts'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import type { TestApp } from './test-app.ts'

/** A seeded demo user as the actor of a command sent without HTTP. */
export function demoActor(username: string): Actor {
  const user = DEMO_USERS.find((u) => u.username === username)!
  return {
    userId: user.id,
    orgId: user.orgId,
    roles: user.roles as Role[],
    ip: '127.0.0.1',
    requestId: 'test',
  }
}

export async function driveTender(
  t: TestApp,
  tenderId: string,
  events: ProposedEvent[],
  username = 'operator',
) {
  const actor = demoActor(username)
  for (const event of events) {
    await executeTenderCommand(tenderCommandDeps(t.database.db, t.clock), {
      tenderId,
      actor,
      ifMatch: undefined,
      authorize: () => {},
      decide: () => event,
    })
  }
}
