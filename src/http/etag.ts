// ETag carries the tender stream's version; If-Match on a command must name the current one.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { InvalidInput } from '../shared/errors.ts'

export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`)
}

/** The version an If-Match header names, or undefined when there is none (or it is "*"). */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined || header.trim() === '*') return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!match?.[1]) throw new InvalidInput('If-Match must be an ETag such as "3"', {}, 'invalid_if_match')
  return Number(match[1])
}
