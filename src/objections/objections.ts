// Objections (异议) from bidders and the purchaser's answers. A pending objection holds the tender
// (条例 Art 22, 44, 54). Read by the tender's purchaser, oversight, and each raiser for its own.
import type { Kysely } from 'kysely'
import type { ObjectionStage } from '../../state-machines/tender.events.ts'
import { recordWithheldActor, withheldIdentity } from '../audit-log/withheld-identity.ts'
import { type Actor, hasRole, requireRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { Forbidden } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { isOwnPurchaser } from '../submission/bids.view.ts'
import { assertVisible, authorizeOwnPurchaser, isOversight } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import {
  insertObjection,
  listObjections,
  lockObjection,
  recordObjectionAnswer,
} from './objection-repository.ts'

export interface ObjectionRequest {
  readonly stage: ObjectionStage
  readonly summary: string
}

export function raiseObjection(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  request: ObjectionRequest,
  ifMatch: number | undefined,
) {
  const objectionId = newId('obj')
  return executeTenderCommand(deps, {
    tenderId,
    actor: withheldIdentity(actor),
    ifMatch,
    authorize: (tender) => {
      requireRole(actor, 'bidder')
      assertVisible(tender, actor)
    },
    decide: () => ({
      type: 'OBJECTION_RAISED',
      objectionId,
      stage: request.stage,
      contentHash: sha256Hex(request.summary),
    }),
    project: async ({ trx, at }) => {
      await recordWithheldActor(trx, actor, {
        action: 'objection.raised',
        entity: 'objection',
        entityId: objectionId,
        at,
        content: { tenderId, ...request },
      })
      await insertObjection(trx, {
        id: objectionId,
        tenderId,
        raisedByOrgId: actor.orgId,
        ...request,
        raisedAt: at,
      })
      return { id: objectionId }
    },
  })
}

export interface ObjectionAnswer {
  readonly answer: string
  readonly upheld: boolean
}

export function answerObjection(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  objectionId: string,
  reply: ObjectionAnswer,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: async ({ trx }) => {
      // 404 for an unknown objection; one answered already is the machine's refusal (already_answered).
      await lockObjection(trx, tenderId, objectionId)
      return {
        type: 'OBJECTION_ANSWERED',
        objectionId,
        upheld: reply.upheld,
        contentHash: sha256Hex(reply.answer),
      }
    },
    project: async ({ trx, at }) => {
      await recordObjectionAnswer(trx, objectionId, { ...reply, at })
    },
  })
}

export async function readObjections(db: Kysely<Database>, actor: Actor, tenderId: string) {
  const tender = await findTender(db, tenderId)
  assertVisible(tender, actor)
  let raisedByOrgId: string | undefined
  if (!isOversight(actor) && !isOwnPurchaser(tender, actor)) {
    if (!hasRole(actor, 'bidder'))
      throw new Forbidden('objections are read by the purchaser, oversight and their raisers')
    raisedByOrgId = actor.orgId
  }
  const objections = await listObjections(db, { tenderId, ...(raisedByOrgId ? { raisedByOrgId } : {}) })
  return objections.map((o) => ({
    id: o.id,
    stage: o.stage,
    summary: o.summary,
    raisedByOrgId: o.raisedByOrgId,
    raisedAt: o.raisedAt.toISOString(),
    answer: o.answer,
    upheld: o.upheld,
    answeredAt: o.answeredAt?.toISOString() ?? null,
  }))
}
