// The same input gives the same bytes: twice in one process and once more in a fresh process, with
// the certified event's time as the PDF's only date and no random id inside.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { recordIdFor } from '../../src/records/record-types.ts'
import { renderRecordPdf } from '../../src/records/render/render-record.ts'
import { sampleEvaluationInput, sampleEvaluationRequest } from './render-sample-input.ts'

const input = sampleEvaluationInput(12, 5)
const request = sampleEvaluationRequest()
const render = (r = request, recordId = recordIdFor(r)) => renderRecordPdf(input, { recordId, request: r })

describe('record rendering is deterministic', () => {
  it('gives the same bytes for the same input, in this process and in a fresh one', async () => {
    const first = await render()
    const second = await render()
    expect(second.equals(first)).toBe(true)

    const dir = mkdtempSync(path.join(tmpdir(), 'yx-render-'))
    try {
      const files = ['input.json', 'request.json', 'out.pdf'].map((name) => path.join(dir, name))
      writeFileSync(files[0]!, JSON.stringify(input))
      writeFileSync(files[1]!, JSON.stringify(request))
      execFileSync(process.execPath, ['--import', 'tsx', 'tests/records/render-child.ts', ...files], {
        cwd: path.resolve(import.meta.dirname, '../..'),
      })
      expect(readFileSync(files[2]!).equals(first)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("dates the PDF with the certified event's time and derives its file id from the record", async () => {
    const pdf = (await render()).toString('latin1')
    // The info dictionary's dates are indirect string objects: both are the certified time, no other.
    expect(pdf).toMatch(/\/CreationDate \d+ 0 R/)
    expect(pdf).toMatch(/\/ModDate \d+ 0 R/)
    expect(pdf.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20260323013000Z)', '(D:20260323013000Z)'])
    const id = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/.exec(pdf)
    expect(id?.[1]).toMatch(/^[0-9a-f]{32}$/)

    // Another certified time gives another date and another file id; nothing else varies by itself.
    const later = { ...request, certified: { ...request.certified, recordedAt: '2026-03-24T01:30:00.000Z' } }
    const other = (await render(later, recordIdFor(request))).toString('latin1')
    expect(other.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20260324013000Z)', '(D:20260324013000Z)'])
    expect(/\/ID \[<([0-9a-f]+)>/.exec(other)?.[1]).not.toBe(id?.[1])
  })

  it('refuses an input that is not the requested record', async () => {
    const wrong = { ...request, type: 'award_report' as const }
    await expect(renderRecordPdf(input, { recordId: 'rec_x', request: wrong })).rejects.toThrow(
      /not the one requested/,
    )
  })
})
