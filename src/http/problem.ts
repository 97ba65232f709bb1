// One place that turns every failure into application/problem+json (RFC 9457) with a stable code.
// 5xx internals are logged, never sent.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../shared/errors.ts'

export const PROBLEM_TYPE_BASE = 'https://youxuan.dev/problems/'

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance?: string
  [extension: string]: unknown
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: reply.request.url,
    ...extra,
  }
  return reply.code(status).type('application/problem+json').send(problem)
}

/** Fastify's own errors (parsing, limits, validation) by their codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'unsupported_media_type' },
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return sendProblem(reply, error.status, error.code, error.message, error.extra)
  }
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      location: error.validationContext ?? 'body',
      path: v.instancePath || '/',
      message: v.message ?? 'is invalid',
      ...(v.params ? { params: v.params } : {}),
    }))
    const first = errors[0]
    return sendProblem(
      reply,
      400,
      'validation_failed',
      `${first?.location}${first?.path === '/' ? '' : first?.path} ${first?.message}`,
      { errors },
    )
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined
  if (known) return sendProblem(reply, known.status, known.code, error.message)
  if (error instanceof SyntaxError)
    return sendProblem(reply, 400, 'malformed_json', 'the body is not valid JSON')
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return sendProblem(reply, status, 'bad_request', error.message)
  }
  request.log.error({ err: error }, 'unhandled error')
  return sendProblem(reply, 500, 'internal_error', 'an internal error occurred; it has been logged', {
    requestId: request.id,
  })
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route_not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  )
}
