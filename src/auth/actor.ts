// Who is acting: the verified token's user, organisation and roles, plus the request's address.
import { Forbidden } from '../shared/errors.ts'

export const ROLES = [
  'purchaser', // 招标人 / 采购人
  'agent', // 招标代理
  'bidder', // 投标人
  'expert', // 评标专家
  'award_member', // 定标委员会成员
  'supervisor', // 监督
  'auditor', // 审计
  'operator', // 交易中心
] as const
export type Role = (typeof ROLES)[number]

export interface Actor {
  readonly userId: string
  readonly orgId: string
  readonly roles: readonly Role[]
  readonly ip: string
  readonly requestId: string
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role))
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new Forbidden(`this needs one of the roles: ${roles.join(', ')}`, { requiredRoles: roles })
  }
}

/** What goes into an event's meta: who, from where, under which request. */
export function actorMeta(actor: Actor): Record<string, unknown> {
  return {
    userId: actor.userId,
    orgId: actor.orgId,
    roles: actor.roles,
    ip: actor.ip,
    requestId: actor.requestId,
  }
}
