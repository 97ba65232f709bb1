// The demo's last step: wait for the signed records its tender called for (drain the outbox), then
// download each over the API into ./data/demo-records/ as <record-id>.pdf + <record-id>.jws beside
// jwks.json, check each offline, and print the folder with the commands that verify them.
import path from 'node:path'
import { exportTenderRecords } from '../records/export-records.ts'
import { drainRecordOutbox, type RecordDeps } from '../records/record-worker.ts'
import type { DemoClient } from './demo-client.ts'
import { heading, line } from './demo-print.ts'

const TYPE_NAMES: Record<string, string> = {
  opening_record: '开标记录 opening record',
  evaluation_report: '评标报告 evaluation report',
  award_report: '定标报告 award report',
  award_notice: '中标通知书 award notice',
  unsuccessful_notice: '中标结果通知书 notice to an unsuccessful bidder',
  replay_certificate: '重放证明 replay certificate',
}

export async function writeDemoRecords(
  client: DemoClient,
  baseUrl: string,
  deps: RecordDeps,
  dataDir: string,
): Promise<boolean> {
  heading('签名记录：生成、签名并导出', 'Signed records: generated from the outbox, signed, exported')
  const outcomes = await drainRecordOutbox(deps)
  const failed = outcomes.filter((outcome) => outcome.outcome === 'deferred')
  for (const outcome of failed)
    line(`未能生成 / NOT issued: ${outcome.job.recordId} (${outcome.job.request.type})`)
  const tenderIds = [...new Set(outcomes.map((outcome) => outcome.job.request.tenderId))]
  const dir = path.join(dataDir, 'demo-records')
  const token = await client.token('auditor')
  let allValid = failed.length === 0
  for (const tenderId of tenderIds) {
    for (const record of await exportTenderRecords(baseUrl, token, tenderId, dir)) {
      allValid &&= record.verdict.valid
      line(
        `${record.recordId} · ${TYPE_NAMES[record.type] ?? record.type} · ${Math.round(record.bytes / 1024)} KB · ${record.verdict.verdict}`,
      )
    }
  }
  line(`已写入 / written to: ${dir}`)
  line(
    `校验 / verify: youxuan verify ${path.join(dir, '<record-id>.pdf')} --jwks ${path.join(dir, 'jwks.json')}`,
  )
  line(
    '独立校验（标准工具）/ independent check with standard tools: README, "Signed records, and checking one yourself"',
  )
  return allValid
}
