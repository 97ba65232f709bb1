// What every page of a record carries: the tender's identity at the top; the record id, the event it
// certifies, how to verify it and the page number (第 x 页 / 共 y 页) at the bottom.

import { shanghaiTime } from '../../../templates/pdf/format.ts'
import type { TenderIdentity } from '../../../templates/pdf/record-input.ts'
import { type CertifiedEvent, verificationHint } from '../../../templates/pdf/record-kinds.ts'
import { COLOUR, FONT, TYPE } from './page-style.ts'

type Doc = PDFKit.PDFDocument

export interface Furniture {
  readonly recordName: string
  readonly recordId: string
  readonly tender: TenderIdentity
  readonly certified: CertifiedEvent
}

type Margins = PDFKit.PDFPage['margins']

function line(doc: Doc, margins: Margins, y: number): void {
  const { left, right } = margins
  doc
    .moveTo(left, y)
    .lineTo(doc.page.width - right, y)
    .lineWidth(0.5)
    .strokeColor(COLOUR.rule)
    .stroke()
}

function header(doc: Doc, margins: Margins, furniture: Furniture): void {
  const { left, right, top } = margins
  const width = doc.page.width - left - right
  const { tender } = furniture
  doc
    .font(FONT.regular)
    .fontSize(TYPE.furniture + 1.5)
    .fillColor(COLOUR.text)
  doc.text(tender.title, left, top - 46, { width: width - 150, lineBreak: false, ellipsis: true })
  doc.text(furniture.recordName, left + width - 150, top - 46, {
    width: 150,
    align: 'right',
    lineBreak: false,
  })
  doc.font(FONT.regular).fontSize(TYPE.furniture).fillColor(COLOUR.muted)
  doc.text(`项目编号 ${tender.reference}    招标项目 ID ${tender.tenderId}`, left, top - 32, {
    width,
    lineBreak: false,
  })
  line(doc, margins, top - 20)
}

function footer(doc: Doc, margins: Margins, furniture: Furniture, page: number, pages: number): void {
  const { left, right, bottom } = margins
  const width = doc.page.width - left - right
  const top = doc.page.height - bottom + 12
  const { certified, recordId } = furniture
  const hint = verificationHint(recordId)
  line(doc, margins, top)
  doc.font(FONT.regular).fontSize(TYPE.furniture).fillColor(COLOUR.muted)
  const lines = [
    `记录编号 ${recordId}`,
    `所证明事件 第 ${certified.seq} 号 ${certified.type}（${shanghaiTime(certified.recordedAt)} UTC+8）`,
    `事件哈希 SHA-256 ${certified.hash}`,
    `在线验证 ${hint.path}（上传本 PDF 及其 JWS）`,
    `离线验证 ${hint.command}`,
  ]
  for (const [i, text] of lines.entries()) {
    doc.text(text, left, top + 5 + i * 9.5, { width, lineBreak: false })
  }
  doc
    .font(FONT.regular)
    .fontSize(TYPE.furniture + 1.5)
    .fillColor(COLOUR.text)
  doc.text(`第 ${page} 页 / 共 ${pages} 页`, left, top + 5, { width, align: 'right', lineBreak: false })
}

/** Draws the furniture on every buffered page, once the page count is known. */
export function drawFurniture(doc: Doc, furniture: Furniture): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing in the margins must not make pdfkit start a new page.
    const margins = { ...doc.page.margins }
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right }
    header(doc, margins, furniture)
    footer(doc, margins, furniture, i - range.start + 1, range.count)
    doc.page.margins = margins
  }
}
