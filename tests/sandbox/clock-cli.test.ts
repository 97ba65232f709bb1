// `youxuan clock` and `youxuan clock advance P20D` talk to the running server over HTTP as the operator.
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { clockCommand } from '../../src/cli/clock.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ sandbox: true })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  vi.stubEnv('YOUXUAN_PUBLIC_URL', `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`)
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await t.close()
})

async function run(args: string[]): Promise<{ code: number; out: unknown }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const code = await clockCommand(args)
    const printed = log.mock.calls[0]?.[0]
    return { code, out: typeof printed === 'string' ? JSON.parse(printed) : null }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

describe('youxuan clock', () => {
  it('reads the clock, advances it by a duration and to a time, and exits 1 when refused', async () => {
    const read = await run([])
    expect(read.code).toBe(0)
    const start = Date.parse((read.out as { now: string }).now)

    const advanced = await run(['advance', 'P20D'])
    expect(advanced).toMatchObject({ code: 0, out: { now: new Date(start + 20 * DAY_MS).toISOString() } })

    const back = await run(['advance', '--to', new Date(start).toISOString()])
    expect(back).toMatchObject({ code: 1, out: { code: 'clock_backwards' } })
  })

  it('exits 2 on a usage error', async () => {
    expect((await run(['advance'])).code).toBe(2)
    expect((await run(['rewind', 'P1D'])).code).toBe(2)
  })
})
