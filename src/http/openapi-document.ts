// The OpenAPI document's frame; every route adds its own operation with operationId and tags.
import type { SwaggerOptions } from '@fastify/swagger'

export const openApiDocument: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Youxuan (优选) API',
      version: '0.1.0',
      description:
        'Evaluate-then-decide (评定分离) tendering: publish, sealed bids, opening, expert evaluation, ' +
        'award by the purchaser, notices and contracts. Errors are application/problem+json (RFC 9457) ' +
        'with a stable `code`. Times are UTC ISO-8601; money is fen (分) as a decimal string.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: [
      { name: 'platform', description: 'health and documents' },
      { name: 'auth', description: 'tokens and the current user' },
      { name: 'tenders', description: 'create, edit, publish, cancel, suspend' },
      { name: 'rules', description: 'rule packs: the cited limits a tender is published under' },
      { name: 'bidding', description: 'questions, amendments, objections, bids, close' },
      { name: 'opening', description: '开标: opening the bids' },
      { name: 'evaluation', description: '评标: the expert committee and its report' },
      { name: 'award', description: '定标: the award committee, ballots, decision, notice, contract' },
      { name: 'audit', description: 'history, hash chains, replay' },
      { name: 'credit', description: '信用信息: credit lookups, imports and frozen snapshots' },
      { name: 'sandbox', description: 'the sandbox clock of the embedded default (never in production)' },
      {
        name: 'records',
        description: 'signed PDF records (开标记录, 评标报告, 定标报告, 中标通知书) and their verification',
      },
    ],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  },
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) =>
      typeof json.$id === 'string' ? json.$id : `def-${i}`,
  },
}
