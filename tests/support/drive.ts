// Test-only: push machine events onto a tender through the real command pipeline, skipping the HTTP
// routes and role checks of earlier phases, so a test can start from any phase.

import type { Role } from '../../src/auth/actor.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { executeTenderCommand, type ProposedEvent } from '../../src/tenders/tender-command.ts'
import type { TestApp } from './test-app.ts'

export async function driveTender(
  t: TestApp,
  tenderId: string,
  events: ProposedEvent[],
  username = 'operator',
) {
  const user = DEMO_USERS.find((u) => u.username === username)!
  const actor = {
    userId: user.id,
    orgId: user.orgId,
    roles: user.roles as Role[],
    ip: '127.0.0.1',
    requestId: 'test',
  }
  for (const event of events) {
    await executeTenderCommand(
      { db: t.database.db, clock: t.clock },
      { tenderId, actor, ifMatch: undefined, authorize: () => {}, decide: () => event },
    )
  }
}
