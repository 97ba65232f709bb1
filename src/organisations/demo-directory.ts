// The seeded demo directory: organisations with valid USCCs and users for every role. All names are
// fictitious. Ids derive from a stable key so seeding is idempotent.
import { createHash } from 'node:crypto'
import type { Role } from '../auth/actor.ts'
import { completeUscc } from '../credit/uscc.ts'

type OrgKind = 'purchaser' | 'agent' | 'bidder' | 'platform' | 'supervisor'

export interface DemoOrganisation {
  readonly key: string
  readonly id: string
  readonly uscc: string
  readonly name: string
  readonly nameEn: string
  readonly kind: OrgKind
}

export interface DemoUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly orgId: string
  readonly roles: Role[]
  readonly specialty: string | null
}

export const stableId = (prefix: string, key: string) =>
  `${prefix}_${createHash('sha256').update(`${prefix}:${key}`).digest('hex').slice(0, 32)}`

// pos 1–2 registration authority + category, 3–8 division code (4406xx = Foshan), 9–16 org-code body.
const org = (
  key: string,
  prefix16: string,
  kind: OrgKind,
  name: string,
  nameEn: string,
): DemoOrganisation => ({
  key,
  id: stableId('org', key),
  uscc: completeUscc(prefix16),
  name,
  nameEn,
  kind,
})

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  org(
    'platform',
    '12440600MB2C3D4E',
    'platform',
    '佛山市公共资源交易中心（演示）',
    'Foshan Public Resource Trading Centre (demo)',
  ),
  org(
    'supervisor',
    '11440605MB7H8J9K',
    'supervisor',
    '佛山市南海区住房城乡建设和水利局（演示）',
    'Nanhai District Housing and Water Bureau (demo)',
  ),
  org(
    'purchaser',
    '12440605MB1A2B3C',
    'purchaser',
    '佛山市南海区市政工程建设中心（演示）',
    'Nanhai District Municipal Works Centre (demo)',
  ),
  org(
    'agent',
    '91440604MA4W5X6Y',
    'agent',
    '广东粤信招标代理有限公司（演示）',
    'Guangdong Yuexin Tendering Agency Co. (demo)',
  ),
  org(
    'bidder1',
    '91440605MA51AB2C',
    'bidder',
    '广东南粤建设工程有限公司（演示）',
    'Guangdong Nanyue Construction Co. (demo)',
  ),
  org(
    'bidder2',
    '91440604MA52CD3E',
    'bidder',
    '佛山市禅城建筑工程有限公司（演示）',
    'Foshan Chancheng Building Works Co. (demo)',
  ),
  org(
    'bidder3',
    '91440101MA53EF4G',
    'bidder',
    '广州珠江路桥建设有限公司（演示）',
    'Guangzhou Pearl River Roads & Bridges Co. (demo)',
  ),
  org(
    'bidder4',
    '91440606MA54GH5J',
    'bidder',
    '中建华南（佛山）工程有限公司（演示）',
    'South China Construction (Foshan) Co. (demo)',
  ),
  org(
    'bidder5',
    '91440300MA55JK6L',
    'bidder',
    '深圳鹏程市政工程有限公司（演示）',
    'Shenzhen Pengcheng Municipal Engineering Co. (demo)',
  ),
  // The demo's credit register bans this one from bidding (src/demo/demo-credit.ts).
  org(
    'bidder6',
    '91440607MA56LM7N',
    'bidder',
    '佛山市三水恒通建设有限公司（演示）',
    'Foshan Sanshui Hengtong Construction Co. (demo)',
  ),
]

export const demoOrg = (key: string): DemoOrganisation => {
  const found = DEMO_ORGANISATIONS.find((o) => o.key === key)
  if (!found) throw new Error(`no demo organisation ${key}`)
  return found
}

const user = (
  username: string,
  displayName: string,
  orgKey: string,
  roles: Role[],
  specialty: string | null = null,
): DemoUser => ({
  id: stableId('usr', username),
  username,
  displayName,
  orgId: demoOrg(orgKey).id,
  roles,
  specialty,
})

const EXPERT_NAMES = ['李明', '王芳', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷']
const EXPERT_SPECIALTIES = [
  '市政道路',
  '桥梁结构',
  '给排水',
  '工程造价',
  '市政道路',
  '工程造价',
  '岩土工程',
  '市政道路',
  '给排水',
]
const MEMBER_NAMES = [
  '梁志华',
  '何丽君',
  '罗建国',
  '冯晓东',
  '邓慧敏',
  '谢文斌',
  '曾海燕',
  '彭国庆',
  '苏雅琪',
]

export const DEMO_USERS: readonly DemoUser[] = [
  user('operator', '交易中心管理员', 'platform', ['operator']),
  user('supervisor', '监督员 林国栋', 'supervisor', ['supervisor']),
  user('auditor', '审计员 吴秀英', 'supervisor', ['auditor']),
  user('purchaser', '招标人经办人 陈志远', 'purchaser', ['purchaser']),
  user('agent', '代理机构项目经理 孙婷', 'agent', ['agent']),
  ...[1, 2, 3, 4, 5, 6].map((n) => user(`bidder${n}`, `投标人${n} 授权代表`, `bidder${n}`, ['bidder'])),
  ...EXPERT_NAMES.map((name, i) =>
    user(`expert${i + 1}`, `评标专家 ${name}`, 'platform', ['expert'], EXPERT_SPECIALTIES[i]),
  ),
  ...MEMBER_NAMES.map((name, i) => user(`member${i + 1}`, `定标委员 ${name}`, 'purchaser', ['award_member'])),
]
