// What the guard-refusal tests share: a refusal as the API answers it, and a pack limit as it cites it.
import { expect } from 'vitest'
import type { TestApp } from '../support/test-app.ts'

export interface NamedRefusal {
  readonly status: number
  readonly code: string
  readonly limit: unknown
  readonly source: unknown
}

/** The response is the named refusal: its status, code, a rule name, the rule's limit and source. */
export function expectRefusal(res: { status: number; body: Record<string, unknown> }, named: NamedRefusal) {
  expect(res.status, JSON.stringify(res.body)).toBe(named.status)
  expect(res.body).toMatchObject({
    code: named.code,
    rule: expect.any(String),
    limit: named.limit,
    source: named.source,
  })
}

/** A pack limit as a refusal names it. */
export function citation(limit: { readonly value: number; readonly source: string }) {
  return { limit: limit.value, source: limit.source }
}

/** A tender command over HTTP as `username`. */
export async function tenderCommand(
  t: TestApp,
  tenderId: string,
  path: string,
  username: string,
  body: Record<string, unknown> = {},
) {
  return t.http
    .post(`/api/v1/tenders/${tenderId}/${path}`)
    .set('authorization', `Bearer ${await t.token(username)}`)
    .send(body)
}

/** The tender's current bid deadline, as the public view shows it. */
export async function deadlineOf(t: TestApp, tenderId: string): Promise<string> {
  return (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.deadline as string
}
