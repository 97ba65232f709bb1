// One structured log line per request, when it completes (Fastify's default writes two). Bodies and
// headers are never logged; the path is, without its query string.
import type { FastifyInstance } from 'fastify'

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info'
    request.log[level](
      {
        method: request.method,
        path: request.url.split('?')[0],
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    )
  })
}
