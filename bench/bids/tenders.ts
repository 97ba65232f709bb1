// Tokens for everyone the bench acts as, and T tenders published from the bench process with a manual
// clock 21 days back (the rule pack's 20-day minimum holds) so that they all close at one instant.
import type { Actor } from '../../src/auth/actor.ts'
import { createEmbeddedTokenService, type TokenService } from '../../src/auth/token-issuer.ts'
import type { DatabaseHandle } from '../../src/db/database.ts'
import type { Kek } from '../../src/keys/kek.ts'
import { DEMO_USERS, type DemoUser } from '../../src/organisations/demo-directory.ts'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { DAY_MS, manualClock, systemClock } from '../../src/shared/clock.ts'
import { createTender } from '../../src/tendering/create-tender.ts'
import { publishTender } from '../../src/tendering/tender-commands.ts'
import type { BenchBidder } from './run-database.ts'

function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.username === username)
  if (!user) throw new Error(`no demo user ${username}`)
  return user
}

const actorOf = (user: DemoUser): Actor => ({
  userId: user.id,
  orgId: user.orgId,
  roles: user.roles,
  ip: '127.0.0.1',
  requestId: 'bench-bids',
})

export interface BenchTokens {
  readonly purchaser: string
  readonly operator: string
  readonly bidders: string[]
}

/** Tokens are minted on the run database's own issuer key, valid on the real clock for the run. */
export async function mintTokens(
  handle: DatabaseHandle,
  bidders: readonly BenchBidder[],
): Promise<BenchTokens> {
  const tokens: TokenService = await createEmbeddedTokenService(handle.db, systemClock)
  const of = (user: DemoUser) => tokens.issue({ userId: user.id, orgId: user.orgId, roles: [...user.roles] })
  return {
    purchaser: await of(demoUser('purchaser')),
    operator: await of(demoUser('operator')),
    bidders: await Promise.all(
      bidders.map((b) => tokens.issue({ userId: b.userId, orgId: b.orgId, roles: ['bidder'] })),
    ),
  }
}

/** Creates and publishes `count` tenders whose deadline is `deadline`; returns their ids. */
export async function publishTenders(
  handle: DatabaseHandle,
  kek: Kek,
  o: { count: number; deadline: Date; label: string },
): Promise<string[]> {
  const { count, deadline, label } = o
  const clock = manualClock(new Date(Date.now() - 21 * DAY_MS))
  const deps = { ...tenderCommandDeps(handle.db, clock), keys: { kek } }
  const purchaser = actorOf(demoUser('purchaser'))
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const tender = await createTender(deps, purchaser, {
      reference: `BENCH-${label}-${String(i + 1).padStart(3, '0')}`,
      title: `基准测试：截止高峰第${i + 1}号标段（南海区市政道路改造）`,
      description: 'Deadline-rush benchmark tender (bench/bids); every tender closes at the same instant.',
      category: 'works',
      estimatedValueFen: '3850000000',
      ceilingPriceFen: null,
    })
    await publishTender(
      deps,
      purchaser,
      tender.id,
      {
        deadline: deadline.toISOString(),
        evaluationMethod: 'comprehensive',
        awardMethod: 'simpleMajority',
        awardFactors: ['投标报价', '企业信用'],
      },
      undefined,
    )
    ids.push(tender.id)
  }
  return ids
}
