// A long record (50 bids, 7 experts) runs over several A4 pages, each with the tender's identity, the
// record id, the certified event, the verification hint and "第 x 页 / 共 y 页"; its tables repeat their
// header row; its Chinese text is extractable (in-process, and with pdftotext when installed); the
// Noto Sans SC font is embedded as a subset, so the file stays small.

import { describe, expect, it } from 'vitest'
import { recordIdFor } from '../../src/records/record-types.ts'
import { renderRecordPdf } from '../../src/records/render/render-record.ts'
import { verificationHint } from '../../templates/pdf/record-kinds.ts'
import { pdfFonts, pdfPageTexts, pdfStructure, pdftotext } from './render-pdf-text.ts'
import { sampleEvaluationInput, sampleEvaluationRequest } from './render-sample-input.ts'

const flat = (text: string) => text.replace(/\s+/g, '')
const request = sampleEvaluationRequest()
const recordId = recordIdFor(request)

describe('a multi-page record', async () => {
  const pdf = await renderRecordPdf(sampleEvaluationInput(50, 7), { recordId, request })
  const pages = pdfPageTexts(pdf)

  it('has A4 pages, each with the tender, the record, the certified event, the hint and its number', () => {
    const structure = pdfStructure(pdf)
    expect(structure.pages).toBeGreaterThanOrEqual(4)
    expect(pages).toHaveLength(structure.pages)
    expect(new Set(structure.mediaBoxes)).toEqual(new Set(['[0 0 595.28 841.89]']))
    const hint = verificationHint(recordId)
    for (const [i, page] of pages.entries()) {
      const text = flat(page)
      for (const words of [
        '佛山市南海区桂澜路市政道路改造工程施工（样例）',
        'SAMPLE-2026-050',
        request.tenderId,
        recordId,
        `第128号SUBMIT_REPORT`,
        request.certified.hash,
        hint.path,
        flat(hint.command),
        `第${i + 1}页/共${pages.length}页`,
      ]) {
        expect(text).toContain(words)
      }
    }
  })

  it('repeats the header row of a table that runs onto the next page', () => {
    const withBids = pages.filter((page) => flat(page).includes('佛山市第30建设工程集团有限公司'))
    expect(withBids.length).toBeGreaterThan(1)
    const continued = pages.filter((page) => flat(page).includes('投标人/统一社会信用代码'))
    expect(continued.length).toBeGreaterThanOrEqual(2)
  })

  it('keeps every bid, score and time in the text', () => {
    const text = flat(pages.join('\n'))
    for (let i = 1; i <= 50; i++) expect(text).toContain(`佛山市第${i}建设工程集团有限公司`)
    expect(text).toContain('35,000,000.00元')
    expect(text).toContain('38,750,617.29元') // the 50th price: 3,500,000,000 + 49 × 7,654,321 fen
    expect(text).toContain('2026-03-2309:30:00（北京时间UTC+8）')
    expect(text).toContain('投标人原因')
  })

  it('embeds a subset of Noto Sans SC and stays small', () => {
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/)
    expect(pdf.length).toBeLessThan(300 * 1024)
  })

  it('extracts as Chinese text with pdftotext (when poppler-utils is installed)', (context) => {
    const text = pdftotext(pdf)
    if (text === null) {
      context.skip('pdftotext is not installed (Debian: apt-get install poppler-utils)')
      return
    }
    const flatText = flat(text)
    expect(flatText).toContain('评标报告')
    expect(flatText).toContain('佛山市第50建设工程集团有限公司')
    expect(flatText).toContain(`第1页/共${pages.length}页`)
    expect(flatText).toContain(recordId)
  })
})

describe('a table cell longer than a page', () => {
  it('flows the row as text across pages, losing nothing', async () => {
    const input = sampleEvaluationInput(5, 3)
    const ground = Array.from({ length: 400 }, (_, i) => `第${i + 1}项偏差说明。`).join('')
    const long = { ...input, rejections: [{ ...input.rejections[0]!, ground }] }
    const pdf = await renderRecordPdf(long, { recordId, request })
    const pages = pdfPageTexts(pdf)
    const text = flat(pages.join('\n'))
    expect(text).toContain('第1项偏差说明。')
    expect(text).toContain('第400项偏差说明。')
    expect(text).toContain(flat('否决理由：第1项偏差说明'))
    for (const [i, page] of pages.entries()) expect(flat(page)).toContain(`第${i + 1}页/共${pages.length}页`)
  })
})
