// One place that turns every failure into application/problem+json (RFC 9457) with a stable code.
// 5xx internals are logged, never sent.
import type { Socket } from 'node:net'
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify'
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
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
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
  const problem = problemDocument(status, code, detail, { instance: reply.request.url, ...extra })
  return reply.code(status).type('application/problem+json').send(problem)
}

function problemDocument(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown>,
): Problem {
  const type = `${PROBLEM_TYPE_BASE}${code}`
  return { type, title: TITLES[status] ?? 'Error', status, detail, code, ...extra }
}

/** Fastify's own errors (parsing, limits, validation) by their codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'unsupported_media_type' },
  // The router's, before any route runs (they reach handleError through frameworkErrors).
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'param_too_long' },
}

/** Requests Node's HTTP parser refuses never become requests: the answer is written on the socket. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', detail: 'the request took too long' },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    detail: 'the request headers are too large',
  },
}
const MALFORMED_REQUEST = { status: 400, code: 'malformed_request', detail: 'the request is not valid HTTP' }

function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, code, detail } = (error.code && CLIENT_ERRORS[error.code]) || MALFORMED_REQUEST
  const body = JSON.stringify(problemDocument(status, code, detail, {}))
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${TITLES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
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

/** Server options that route the errors raised outside any route to problem+json too. */
export const problemServerOptions = {
  frameworkErrors: handleError,
  clientErrorHandler: answerClientError,
} satisfies Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'>

/** The web UI's 404 page, for requests that ask for a page rather than the API (src/web). */
export interface PageNotFound {
  readonly wants: (request: FastifyRequest) => boolean
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
}

export function registerProblemHandlers(app: FastifyInstance, pageNotFound?: PageNotFound): void {
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) => {
    if (pageNotFound?.wants(request)) return pageNotFound.handler(request, reply)
    return sendProblem(
      reply,
      404,
      'route_not_found',
      `no route ${request.method} ${request.url.split('?')[0]}`,
    )
  })
}
