// Given the follow-ups a process hands the pipeline, when a command records its event, then each runs
// once, in list order, inside the command's transaction, after the projection and before the command's
// own `project`; a failing follow-up takes the event with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import type { CommandFollowUp } from '../../src/pipeline/follow-up.ts'
import { type CommandDeps, executeTenderCommand } from '../../src/pipeline/tender-command.ts'
import { PIPELINE_FOLLOW_UPS, tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { demoActor } from '../support/drive.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const purchaser = demoActor('purchaser')

function cancel(deps: CommandDeps, tenderId: string, project?: () => Promise<unknown>) {
  return executeTenderCommand(deps, {
    tenderId,
    actor: purchaser,
    ifMatch: undefined,
    authorize: () => {},
    decide: () => ({ type: 'CANCEL', reason: '项目资金安排调整' }),
    ...(project ? { project } : {}),
  })
}

describe('the pipeline follow-ups', () => {
  it('run in order, after the projection and before project, each told the step it follows', async () => {
    const tenderId = await createPublished(t)
    const seen: string[] = []
    const recorder =
      (name: string): CommandFollowUp =>
      async (trx, { tender, event, before, next, at }) => {
        const row = await trx
          .selectFrom('tenders')
          .select(['state', 'version'])
          .where('id', '=', tender.id)
          .executeTakeFirstOrThrow()
        seen.push(
          `${name} ${event.type}#${event.seq} ${tenderStateOf(before)}→${tenderStateOf(next)} ` +
            `row ${row.state}@${row.version} at ${at.toISOString() === event.recordedAt}`,
        )
      }
    const deps = { db: t.database.db, clock: t.clock, followUps: [recorder('first'), recorder('second')] }
    await cancel(deps, tenderId, async () => {
      seen.push('project')
    })
    expect(seen).toEqual([
      'first CANCEL#3 bidding→cancelled row cancelled@3 at true',
      'second CANCEL#3 bidding→cancelled row cancelled@3 at true',
      'project',
    ])
  })

  it('share the command transaction: a follow-up that fails leaves neither the event nor the projection', async () => {
    const tenderId = await createPublished(t)
    const failing: CommandFollowUp = async () => {
      throw new Error('the follow-up failed')
    }
    const deps = {
      ...tenderCommandDeps(t.database.db, t.clock),
      followUps: [...PIPELINE_FOLLOW_UPS, failing],
    }
    await expect(cancel(deps, tenderId)).rejects.toThrow('the follow-up failed')
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    expect(events.map((e) => e.type)).toEqual(['TENDER_CREATED', 'PUBLISH'])
    const row = await t.database.db
      .selectFrom('tenders')
      .select(['state', 'version'])
      .where('id', '=', tenderId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ state: 'bidding', version: 2 })
    const jobs = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('stream_id', '=', `tender-${tenderId}`)
      .execute()
    expect(jobs).toEqual([])
  })

  it("are the app's timers then records outbox: a cancel settles the close timer and queues its record", async () => {
    const tenderId = await createPublished(t)
    const pending = () =>
      t.database.db
        .selectFrom('timers')
        .select('kind')
        .where('tender_id', '=', tenderId)
        .where('status', '=', 'pending')
        .execute()
    expect(await pending()).toEqual([{ kind: 'close_bidding' }])
    await cancel(tenderCommandDeps(t.database.db, t.clock), tenderId)
    expect(await pending()).toEqual([])
    const jobs = await t.database.db
      .selectFrom('outbox')
      .select('seq')
      .where('stream_id', '=', `tender-${tenderId}`)
      .execute()
    expect(jobs).toEqual([{ seq: 3 }])
  })
})
