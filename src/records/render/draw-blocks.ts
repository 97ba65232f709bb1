// Draws a layout's blocks onto the pages of a pdfkit document, breaking pages where a block or a table
// row no longer fits (a table's header row repeats on the next page).
import type { Block, Column } from '../../../templates/pdf/layout.ts'
import { COLOUR, FONT, TYPE } from './page-style.ts'

type Doc = PDFKit.PDFDocument

const CELL_PAD = 3
const LABEL_WIDTH = 120

const left = (doc: Doc) => doc.page.margins.left
const textWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom

/** Starts a new page unless `height` more points fit on this one. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

/** Whether something this tall fits on a page at all (else it must flow across pages as text). */
const fitsOnAPage = (doc: Doc, height: number) => height <= bottom(doc) - doc.page.margins.top

/** A row or field too tall for any page, as flowing text: each label with its value. */
function drawFlowing(doc: Doc, pairs: readonly (readonly [string, string])[], size: number): void {
  doc.font(FONT.regular).fontSize(size).fillColor(COLOUR.text)
  for (const [label, value] of pairs) {
    ensureRoom(doc, size * 1.6)
    doc.text(`${label}：${value}`, left(doc), doc.y, { width: textWidth(doc), lineGap: 1 })
  }
  doc.moveDown(0.3)
}

function drawTitle(doc: Doc, block: Extract<Block, { kind: 'title' }>): void {
  const width = textWidth(doc)
  doc.font(FONT.bold).fontSize(TYPE.title).fillColor(COLOUR.text)
  doc.text(block.text, left(doc), doc.y, { width, align: 'center' })
  if (block.subtitle) {
    doc.moveDown(0.2)
    doc.font(FONT.regular).fontSize(TYPE.subtitle).fillColor(COLOUR.muted)
    doc.text(block.subtitle, left(doc), doc.y, { width, align: 'center' })
  }
  doc.moveDown(0.8)
}

function drawHeading(doc: Doc, text: string): void {
  doc.moveDown(0.6)
  // Keep a heading with at least a few lines of what follows it.
  ensureRoom(doc, TYPE.heading * 2 + 40)
  doc.font(FONT.bold).fontSize(TYPE.heading).fillColor(COLOUR.text)
  doc.text(text, left(doc), doc.y, { width: textWidth(doc) })
  const y = doc.y + 1
  doc
    .moveTo(left(doc), y)
    .lineTo(left(doc) + textWidth(doc), y)
    .lineWidth(0.6)
    .strokeColor(COLOUR.rule)
    .stroke()
  doc.y = y + 5
}

function drawFields(doc: Doc, rows: readonly (readonly [string, string])[]): void {
  const valueWidth = textWidth(doc) - LABEL_WIDTH
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(TYPE.body)
    const height = Math.max(
      doc.heightOfString(value, { width: valueWidth }),
      doc.heightOfString(label, { width: LABEL_WIDTH - 8 }),
    )
    if (!fitsOnAPage(doc, height)) {
      drawFlowing(doc, [[label, value]], TYPE.body)
      continue
    }
    ensureRoom(doc, height)
    const y = doc.y
    doc.fillColor(COLOUR.muted).text(label, left(doc), y, { width: LABEL_WIDTH - 8 })
    doc.fillColor(COLOUR.text).text(value, left(doc) + LABEL_WIDTH, y, { width: valueWidth })
    doc.y = y + height + 2.5
  }
}

function drawParagraph(doc: Doc, block: Extract<Block, { kind: 'paragraph' }>): void {
  const size = block.small ? TYPE.small : TYPE.body
  doc
    .font(FONT.regular)
    .fontSize(size)
    .fillColor(block.small ? COLOUR.muted : COLOUR.text)
  ensureRoom(doc, size * 1.6)
  doc.text(block.text, left(doc), doc.y, {
    width: textWidth(doc),
    indent: block.indent ? size * 2 : 0,
    lineGap: block.small ? 1 : 3,
  })
  doc.moveDown(0.35)
}

function columnWidths(doc: Doc, columns: readonly Column[]): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0)
  return columns.map((c) => (textWidth(doc) * c.weight) / total)
}

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[]): number {
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * CELL_PAD }),
  )
  return Math.max(...heights) + 2 * CELL_PAD
}

function drawRow(
  doc: Doc,
  cells: readonly string[],
  columns: readonly Column[],
  widths: readonly number[],
  height: number,
  header: boolean,
): void {
  const y = doc.y
  let x = left(doc)
  if (header) doc.rect(x, y, textWidth(doc), height).fill(COLOUR.tableHeader)
  doc.fillColor(COLOUR.text)
  for (const [i, cell] of cells.entries()) {
    const width = widths[i]!
    doc.rect(x, y, width, height).lineWidth(0.4).strokeColor(COLOUR.rule).stroke()
    doc.text(cell, x + CELL_PAD, y + CELL_PAD, {
      width: width - 2 * CELL_PAD,
      align: header ? 'center' : (columns[i]?.align ?? 'left'),
    })
    x += width
  }
  doc.y = y + height
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>): void {
  if (block.rows.length === 0) {
    drawParagraph(doc, { kind: 'paragraph', text: block.empty })
    return
  }
  const size = block.small ? TYPE.tableSmall : TYPE.table
  const widths = columnWidths(doc, block.columns)
  const headers = block.columns.map((c) => c.header)
  const header = () => {
    doc.font(FONT.bold).fontSize(size)
    const height = rowHeight(doc, headers, widths)
    drawRow(doc, headers, block.columns, widths, height, true)
    doc.font(FONT.regular).fontSize(size)
  }
  doc.font(FONT.bold).fontSize(size)
  const headerHeight = rowHeight(doc, headers, widths)
  doc.font(FONT.regular).fontSize(size)
  // The header goes above the first row on each page, and again after a row that had to flow as text.
  let headed = false
  for (const row of block.rows) {
    const height = rowHeight(doc, row, widths)
    if (!fitsOnAPage(doc, height + headerHeight)) {
      drawFlowing(
        doc,
        row.map((cell, i) => [headers[i] ?? '', cell]),
        size,
      )
      doc.font(FONT.regular).fontSize(size)
      headed = false
      continue
    }
    if (doc.y + height + (headed ? 0 : headerHeight) > bottom(doc)) {
      doc.addPage()
      headed = false
    }
    if (!headed) header()
    headed = true
    drawRow(doc, row, block.columns, widths, height, false)
  }
  doc.moveDown(0.5)
}

function drawClosing(doc: Doc, lines: readonly string[]): void {
  doc.moveDown(1)
  doc.font(FONT.regular).fontSize(TYPE.body).fillColor(COLOUR.text)
  ensureRoom(doc, lines.length * TYPE.body * 1.6)
  for (const line of lines)
    doc.text(line, left(doc), doc.y, { width: textWidth(doc), align: 'right', lineGap: 3 })
}

export function drawBlocks(doc: Doc, blocks: readonly Block[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        drawTitle(doc, block)
        break
      case 'heading':
        drawHeading(doc, block.text)
        break
      case 'fields':
        drawFields(doc, block.rows)
        break
      case 'paragraph':
        drawParagraph(doc, block)
        break
      case 'table':
        drawTable(doc, block)
        break
      case 'closing':
        drawClosing(doc, block.lines)
        break
      case 'spacer':
        doc.moveDown(block.lines)
        break
    }
  }
}
