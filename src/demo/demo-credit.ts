// The demo's credit register: bidder6 is banned from bidding until well after the deadline (its bid is
// refused), bidder5 has a recent administrative penalty (flagged for both committees). Imported through
// the same path as `youxuan credit import`, with dates relative to the demo's clock; idempotent.
import type { Kysely } from 'kysely'
import { shanghaiDate } from '../credit/credit-report.ts'
import { importCreditFile } from '../credit/import-credit.ts'
import type { Database } from '../db/schema.ts'
import { demoOrg } from '../organisations/demo-directory.ts'
import { DAY_MS } from '../shared/clock.ts'
import { line } from './demo-print.ts'

const HEADER = 'uscc,kind,reference,name,authority,start,end,detail,grade'

export async function loadDemoCredit(db: Kysely<Database>, now: Date): Promise<void> {
  const day = (offset: number) => shanghaiDate(new Date(now.getTime() + offset * DAY_MS))
  const banned = demoOrg('bidder6')
  const penalised = demoOrg('bidder5')
  const rows = [
    [
      banned.uscc,
      'biddingBan',
      '佛建禁〔演示〕1号',
      banned.name,
      '佛山市住房和城乡建设局（演示）',
      day(-200),
      day(400),
      '串通投标，禁止参加依法必须进行招标的项目投标（实施条例第67条）',
      '',
    ],
    [
      penalised.uscc,
      'penalty',
      '深建罚〔演示〕88号',
      penalised.name,
      '深圳市住房和建设局（演示）',
      day(-120),
      '',
      '施工现场扬尘治理不到位，罚款人民币2万元',
      '',
    ],
  ]
  const csv = [HEADER, ...rows.map((r) => r.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))].join(
    '\n',
  )
  const report = await importCreditFile(db, 'demo-credit.csv', csv, {
    strict: true,
    importedBy: 'cli',
    at: now,
  })
  if (report.rowsBad > 0) throw new Error(`the demo credit data is invalid: ${JSON.stringify(report.bad)}`)
  line(`本地信用库 / local credit register: ${banned.name} 禁止投标至 / banned until ${day(400)}`)
  line(`本地信用库 / local credit register: ${penalised.name} 行政处罚 / penalty of ${day(-120)}`)
}
