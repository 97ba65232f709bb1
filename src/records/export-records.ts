// Writes a tender's signed records, as the API serves them, to a folder: <record-id>.pdf and
// <record-id>.jws for each, beside the platform's jwks.json, so anyone can verify them offline
// (`youxuan verify`, or the README's recipe with standard tools). Used by the demo.
import fs from 'node:fs'
import path from 'node:path'
import { type PublishedJwk, type RecordVerdict, verifyRecord } from './verify-record.ts'

export interface ExportedRecord {
  readonly recordId: string
  readonly type: string
  readonly recipientOrgId: string | null
  readonly bytes: number
  /** The offline check of the written files against the written jwks.json. */
  readonly verdict: RecordVerdict
}

interface ListedRecord {
  recordId: string
  type: string
  recipientOrgId: string | null
  links: { pdf: string; jws: string }
}

async function fetchOk(url: string, token: string | null): Promise<Response> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`)
  return response
}

/** `token` must be able to read every record of the tender (e.g. an auditor's). */
export async function exportTenderRecords(
  baseUrl: string,
  token: string,
  tenderId: string,
  dir: string,
): Promise<ExportedRecord[]> {
  fs.mkdirSync(dir, { recursive: true })
  const jwksText = await (await fetchOk(`${baseUrl}/.well-known/jwks.json`, null)).text()
  fs.writeFileSync(path.join(dir, 'jwks.json'), jwksText)
  const jwks = JSON.parse(jwksText) as { keys: PublishedJwk[] }
  const list = (await (await fetchOk(`${baseUrl}/api/v1/tenders/${tenderId}/records`, token)).json()) as {
    items: ListedRecord[]
  }
  const exported: ExportedRecord[] = []
  for (const item of list.items) {
    const pdf = Buffer.from(await (await fetchOk(`${baseUrl}${item.links.pdf}`, token)).arrayBuffer())
    const jws = await (await fetchOk(`${baseUrl}${item.links.jws}`, token)).text()
    fs.writeFileSync(path.join(dir, `${item.recordId}.pdf`), pdf)
    fs.writeFileSync(path.join(dir, `${item.recordId}.jws`), jws)
    exported.push({
      recordId: item.recordId,
      type: item.type,
      recipientOrgId: item.recipientOrgId,
      bytes: pdf.byteLength,
      verdict: verifyRecord(pdf, jws, jwks),
    })
  }
  return exported
}
