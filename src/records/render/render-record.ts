// Renders a record's PDF from its input with the layout templates/pdf keeps for its type: A4, set in
// an embedded subset of Noto Sans SC, the tender's identity, the record id, the certified event and the
// verification hint on every page. Deterministic: the PDF's dates are the certified event's time and
// its file id derives from them, so the same input gives the same bytes.
import PDFDocument from 'pdfkit'
import { layoutFor } from '../../../templates/pdf/index.ts'
import type { RecordInput } from '../../../templates/pdf/record-input.ts'
import type { RecordRequest } from '../record-types.ts'
import { drawBlocks } from './draw-blocks.ts'
import { drawFurniture } from './page-furniture.ts'
import { FONT, PAGE } from './page-style.ts'
import { recordFont } from './record-font.ts'

export interface RenderMeta {
  readonly recordId: string
  readonly request: RecordRequest
}

export async function renderRecordPdf(input: RecordInput, meta: RenderMeta): Promise<Buffer> {
  if (input.type !== meta.request.type || input.tender.tenderId !== meta.request.tenderId) {
    throw new Error(`the input (${input.type} of ${input.tender.tenderId}) is not the one requested`)
  }
  const layout = layoutFor(input, { recordId: meta.recordId, certified: meta.request.certified })
  const at = new Date(meta.request.certified.recordedAt)
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${layout.name} ${input.tender.reference}`,
      Author: 'Youxuan',
      Subject: meta.recordId,
      Keywords: `${meta.request.type} ${input.tender.tenderId} seq ${meta.request.certified.seq}`,
      Creator: 'Youxuan',
      Producer: 'Youxuan (PDFKit)',
      CreationDate: at,
      ModDate: at,
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  // pdfkit takes a parsed fontkit font as a source too (its typings only list files and buffers).
  doc.registerFont(FONT.regular, recordFont('regular') as unknown as Buffer)
  doc.registerFont(FONT.bold, recordFont('bold') as unknown as Buffer)
  doc.font(FONT.regular)
  drawBlocks(doc, layout.blocks)
  drawFurniture(doc, {
    recordName: layout.name,
    recordId: meta.recordId,
    tender: input.tender,
    certified: meta.request.certified,
  })
  doc.end()
  return done
}
