// Who may act on a tender: relations on top of roles (a purchaser acts only on its own tenders).
import { type Actor, hasRole, requireRole } from '../auth/actor.ts'
import { Forbidden, NotFound } from '../shared/errors.ts'
import type { Tender } from './tender.ts'

/** The purchaser (or its agent user) of this very tender. */
export function authorizeOwnPurchaser(tender: Tender, actor: Actor): void {
  requireRole(actor, 'purchaser', 'agent')
  if (actor.orgId !== tender.purchaserOrgId) {
    throw new Forbidden('only the purchaser that owns this tender may do this')
  }
}

export function authorizeSupervisor(_tender: Tender, actor: Actor): void {
  requireRole(actor, 'supervisor')
}

/** The own purchaser or the trading centre's operator (e.g. closing, opening, committee draws). */
export function authorizePurchaserOrOperator(tender: Tender, actor: Actor): void {
  if (hasRole(actor, 'operator')) return
  authorizeOwnPurchaser(tender, actor)
}

/** Roles that read every tender (read-only). */
export function isOversight(actor: Actor | null): boolean {
  return actor !== null && hasRole(actor, 'supervisor', 'auditor', 'operator')
}

/** Drafts are visible only to their purchaser and oversight; a hidden draft reads as not found. */
export function assertVisible(
  tender: Pick<Tender, 'id' | 'state' | 'purchaserOrgId'>,
  actor: Actor | null,
): void {
  if (tender.state !== 'draft') return
  if (isOversight(actor)) return
  if (actor && actor.orgId === tender.purchaserOrgId) return
  throw new NotFound(`tender ${tender.id} does not exist`)
}
