// The registry of shipped rule packs. PUBLISH copies the chosen pack into the event, so a tender keeps
// the rules it was published under even after a pack here changes version.
import type { RulePack } from '../../state-machines/rule-pack.ts'
import { cnNationalBidding } from './packs/cn-national-bidding.ts'
import { cnNationalGp } from './packs/cn-national-gp.ts'
import { guangdongFoshanPingding } from './packs/guangdong-foshan-pingding.ts'

export const RULE_PACK_IDS = ['cn-national-bidding', 'cn-national-gp', 'guangdong-foshan-pingding'] as const
export type RulePackId = (typeof RULE_PACK_IDS)[number]

export const DEFAULT_RULE_PACK_ID: RulePackId = 'cn-national-bidding'

const RULE_PACKS: Readonly<Record<RulePackId, RulePack>> = {
  'cn-national-bidding': cnNationalBidding,
  'cn-national-gp': cnNationalGp,
  'guangdong-foshan-pingding': guangdongFoshanPingding,
}

export function isRulePackId(id: string): id is RulePackId {
  return Object.hasOwn(RULE_PACKS, id)
}

/** The pack with this id, or undefined for an unknown id. */
export function getRulePack(id: string): RulePack | undefined {
  return isRulePackId(id) ? RULE_PACKS[id] : undefined
}

export function listRulePacks(): readonly RulePack[] {
  return RULE_PACK_IDS.map((id) => RULE_PACKS[id])
}

export { cnNationalBidding, cnNationalGp, guangdongFoshanPingding }
