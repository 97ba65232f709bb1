// Every record type renders for a tender driven through its whole lifecycle, as an A4 PDF with an
// embedded Noto Sans SC subset, the tender's identity, record id, certified event and verification
// hint on every page, and extractable Chinese text. Set RECORDS_OUT=<dir> to keep the PDFs.

import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRecordInput } from '../../src/records/inputs/load-record-input.ts'
import { type RecordRequest, recordIdFor } from '../../src/records/record-types.ts'
import { renderRecordPdf } from '../../src/records/render/render-record.ts'
import { verificationHint } from '../../templates/pdf/record-kinds.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type CompletedTender, driveCompletedTender, requestFor } from './render-fixtures.ts'
import { pdfFonts, pdfPageTexts, pdfStructure, pdftotext } from './render-pdf-text.ts'

let t: TestApp
let tender: CompletedTender
beforeAll(async () => {
  t = await startTestApp()
  tender = await driveCompletedTender(t)
})
afterAll(() => t.close())

async function render(request: RecordRequest): Promise<{ pdf: Buffer; recordId: string }> {
  const recordId = recordIdFor(request)
  const input = await loadRecordInput(t.database.db, request)
  const pdf = await renderRecordPdf(input, { recordId, request })
  // Where poppler-utils is installed, pdftotext reads the same Chinese text as our in-process reader.
  const extracted = pdftotext(pdf)
  if (extracted !== null) {
    const name = pdfPageTexts(pdf)[0]!.split('\n')[0]!
    expect(flat(extracted)).toContain(flat(name))
    expect(flat(extracted)).toContain(recordId)
    expect(flat(extracted)).toContain('第1页/共')
  }
  if (process.env.RECORDS_OUT) {
    mkdirSync(process.env.RECORDS_OUT, { recursive: true })
    writeFileSync(path.join(process.env.RECORDS_OUT, `${request.type}-${recordId}.pdf`), pdf)
  }
  return { pdf, recordId }
}

/** Text without whitespace: table cells and lines wrap where the layout pleases. */
const flat = (text: string) => text.replace(/\s+/g, '')

function expectWords(text: string, ...words: string[]) {
  for (const word of words) expect(flat(text)).toContain(flat(word))
}

/** What every page of every record carries. */
function expectFurniture(pages: readonly string[], request: RecordRequest, recordId: string) {
  const hint = verificationHint(recordId)
  expect(pages.length).toBeGreaterThan(0)
  for (const [i, page] of pages.entries()) {
    expectWords(
      page,
      '南海区桂澜路市政道路改造工程施工',
      'NHSZ-2026-018',
      request.tenderId,
      recordId,
      `第 ${request.certified.seq} 号 ${request.certified.type}`,
      request.certified.hash,
      hint.path,
      hint.command,
      `第 ${i + 1} 页 / 共 ${pages.length} 页`,
    )
  }
}

describe('records of a completed tender', () => {
  it('renders the opening record with prices, outcomes and the decryption failure attributed', async () => {
    const request = await requestFor(t, tender.tenderId, 'opening_record')
    const { pdf, recordId } = await render(request)
    const structure = pdfStructure(pdf)
    expect(structure.mediaBoxes.every((box) => box === '[0 0 595.28 841.89]')).toBe(true)
    expect(pdfFonts(pdf)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[A-Z]{6}\+NotoSansSC-Regular$/)]),
    )
    const pages = pdfPageTexts(pdf)
    expectFurniture(pages, request, recordId)
    const text = pages.join('\n')
    expectWords(text, '开标记录')
    expectWords(text, '38,000,000.00 元')
    expectWords(text, '36,500,000.12 元')
    expectWords(text, '投标人原因')
    expectWords(text, 'b'.repeat(64))
    expectWords(text, '佛山') // a bidder's name from the directory
  })

  it('renders the evaluation report with the draw, rejection, scores, candidates and dissent', async () => {
    const request = await requestFor(t, tender.tenderId, 'evaluation_report')
    const { pdf, recordId } = await render(request)
    const pages = pdfPageTexts(pdf)
    expectFurniture(pages, request, recordId)
    const text = pages.join('\n')
    expectWords(
      text,
      '评标报告',
      '抽取种子',
      '工期不满足招标文件要求',
      '否决投标',
      '推荐三名定标候选人',
      '保留意见',
    )
    expectWords(text, '84.50') // expert 3's score for the third bid: 80 + 2 + 2 × 2.25
  })

  it('renders the award report with attendance, every ballot of both rounds, the re-vote and the reasons', async () => {
    const request = await requestFor(t, tender.tenderId, 'award_report')
    const { pdf, recordId } = await render(request)
    const pages = pdfPageTexts(pdf)
    expectFurniture(pages, request, recordId)
    const text = pages.join('\n')
    expectWords(text, '定标报告')
    expectWords(text, '第 1 轮投票')
    expectWords(text, '第 2 轮投票')
    expectWords(text, '重新投票')
    expectWords(text, '委员5：综合比较后选择')
    expectWords(text, '报价合理、履约能力强')
    expectWords(text, '人民币叁仟陆佰伍拾万元壹角贰分')
    expectWords(text, '五、签到、回避与出席', '定标会法定人数', '已签到', '签到并声明无利害关系', '主任开启')
    expectWords(text, '陈志远（招标人）')
    // One credit snapshot per candidate, taken when the dossiers were frozen.
    const input = await loadRecordInput(t.database.db, request)
    if (input.type !== 'award_report') throw new Error('not an award report')
    expect(input.creditSnapshots).toHaveLength(3)
    expectWords(text, '八、信用信息', ...input.creditSnapshots.map((c) => c.snapshotId))
  })

  it('renders the award notice to the winner and a result notice to another bidder', async () => {
    const notice = await requestFor(t, tender.tenderId, 'award_notice', tender.bidderOrgIds[1]!)
    const rendered = await render(notice)
    const pages = pdfPageTexts(rendered.pdf)
    expectFurniture(pages, notice, rendered.recordId)
    expectWords(pages.join('\n'), '中标通知书', '36,500,000.12 元', '人民币叁仟陆佰伍拾万元壹角贰分')

    const loser = await requestFor(t, tender.tenderId, 'unsuccessful_notice', tender.bidderOrgIds[3]!)
    const result = await render(loser)
    const loserPages = pdfPageTexts(result.pdf)
    expectFurniture(loserPages, loser, result.recordId)
    const text = loserPages.join('\n')
    expectWords(text, '中标结果通知书')
    expectWords(text, '被评标委员会否决')
    expectWords(text, '你方未中标')
  })

  it('renders the same bytes again from the same events', async () => {
    for (const type of ['opening_record', 'award_report', 'replay_certificate'] as const) {
      const request = await requestFor(t, tender.tenderId, type)
      const first = await render(request)
      const again = await render(request)
      expect(again.pdf.equals(first.pdf)).toBe(true)
    }
  })

  it('renders the replay certificate with the chain head and the final state', async () => {
    const request = await requestFor(t, tender.tenderId, 'replay_certificate')
    const { pdf, recordId } = await render(request)
    const pages = pdfPageTexts(pdf)
    expectFurniture(pages, request, recordId)
    const text = pages.join('\n')
    expectWords(text, '回放证书')
    expectWords(text, `链头序号 ${request.certified.seq}`)
    expectWords(text, '已完成')
    expectWords(text, 'CAST_BALLOT')
    expect(flat(text)).not.toContain('未通过')
  })
})
