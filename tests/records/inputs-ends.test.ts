// Records of tenders that end early: the replay certificate of a cancelled tender and of one that
// failed for want of bids (流标) say how they ended, and render.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import { loadRecordInput } from '../../src/records/inputs/load-record-input.ts'
import { type RecordRequest, recordIdFor } from '../../src/records/record-types.ts'
import { renderRecordPdf } from '../../src/records/render/render-record.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { driveTender } from '../support/drive.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { certifiedOf } from './render-fixtures.ts'
import { pdfPageTexts } from './render-pdf-text.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function replayRequest(tenderId: string): Promise<RecordRequest> {
  const last = (await readStream(t.database.db, tenderStreamId(tenderId))).at(-1)!
  return { tenderId, type: 'replay_certificate', certified: certifiedOf(last), recipientOrgId: null }
}

async function renderedText(request: RecordRequest): Promise<string> {
  const input = await loadRecordInput(t.database.db, request)
  const pdf = await renderRecordPdf(input, { recordId: recordIdFor(request), request })
  return pdfPageTexts(pdf).join('\n').replace(/\s+/g, '')
}

describe('replay certificates of tenders that end early', () => {
  it('a cancelled tender: its final state and reason', async () => {
    const tenderId = await createPublished(t)
    await driveTender(t, tenderId, [{ type: 'CANCEL', reason: '项目资金未落实，终止招标' }])
    const request = await replayRequest(tenderId)
    const input = await loadRecordInput(t.database.db, request)
    expect(input).toMatchObject({
      type: 'replay_certificate',
      eventCount: 3,
      finalState: 'cancelled',
      cancelReason: '项目资金未落实，终止招标',
      chainOk: true,
      replayOk: true,
      draws: [],
    })
    const text = await renderedText(request)
    expect(text).toContain('已终止')
    expect(text).toContain('项目资金未落实，终止招标')
  })

  it('a tender with too few bids fails at the close (流标)', async () => {
    const tenderId = await createPublished(t)
    t.clock.advance(21 * DAY_MS)
    await driveTender(t, tenderId, [{ type: 'CLOSE_BIDDING', bidCount: 1, bidSetHash: 'c'.repeat(64) }])
    const request = await replayRequest(tenderId)
    const input = await loadRecordInput(t.database.db, request)
    expect(input).toMatchObject({ finalState: 'failed', failureReason: 'insufficientBids', replayOk: true })
    expect(await renderedText(request)).toContain('流标（流标原因：投标人少于规定数量）')
  })
})
