// Public reads of the shipped rule packs, so a purchaser can choose one and a bidder check its limits.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { ProblemRef } from '../http/schemas.ts'
import { NotFound } from '../shared/errors.ts'
import { RulePackParams, RulePackSchema, type RulePackView } from './rule-packs.schemas.ts'
import { getRulePack, listRulePacks, RULE_PACK_IDS } from './rule-packs.ts'

export async function rulePackRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/rule-packs',
    {
      schema: {
        operationId: 'listRulePacks',
        tags: ['rules'],
        summary: 'The rule packs a tender can be published under, every limit with its source',
        response: { 200: Type.Object({ items: Type.Array(RulePackSchema) }), 400: ProblemRef },
      },
    },
    async (): Promise<{ items: readonly RulePackView[] }> => ({ items: listRulePacks() }),
  )

  app.get(
    '/api/v1/rule-packs/:id',
    {
      schema: {
        operationId: 'getRulePack',
        tags: ['rules'],
        summary: 'One rule pack: limits, committees, candidates, methods and credit policy, each cited',
        params: RulePackParams,
        response: { 200: RulePackSchema, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request): Promise<RulePackView> => {
      const { id } = request.params as { id: string }
      const pack = getRulePack(id)
      if (!pack) {
        throw new NotFound(
          `no rule pack ${id}; the shipped packs are ${RULE_PACK_IDS.join(', ')}`,
          {},
          'unknown_rule_pack',
        )
      }
      return pack
    },
  )
}
