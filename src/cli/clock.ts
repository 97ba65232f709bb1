// `youxuan clock [advance <duration> | advance --to <ISO>]`: the sandbox clock of the running server,
// over HTTP (the server holds the data folder's lock), as the seeded operator through the dev login.
import { loadConfig } from '../config.ts'

const USAGE = 'usage: youxuan clock | youxuan clock advance <ISO 8601 duration, e.g. P20D> | --to <ISO time>'

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  }).catch((error: unknown) => {
    throw new Error(`no server answers at ${url} (start it with npm start): ${String(error)}`)
  })
  return { status: res.status, body: await res.json() }
}

async function operatorToken(base: string): Promise<string> {
  const login = await call(`${base}/api/v1/auth/dev-login`, {
    method: 'POST',
    body: JSON.stringify({ username: 'operator' }),
  })
  if (login.status !== 200) throw new Error(`dev login refused: ${JSON.stringify(login.body)}`)
  return (login.body as { token: string }).token
}

function advanceBody(args: string[]): { by: string } | { to: string } | null {
  if (args[0] === '--to' && args[1] && args.length === 2) return { to: args[1] }
  if (args.length === 1 && args[0] && !args[0].startsWith('--')) return { by: args[0] }
  return null
}

/** Exit 0 done, 1 refused by the server, 2 usage. */
export async function clockCommand(args: string[]): Promise<number> {
  const base = loadConfig().publicUrl.replace(/\/$/, '')
  const [sub, ...rest] = args
  if (sub !== undefined && sub !== 'advance') {
    console.error(USAGE)
    return 2
  }
  let answer: { status: number; body: unknown }
  if (sub === undefined) answer = await call(`${base}/api/v1/sandbox/clock`)
  else {
    const body = advanceBody(rest)
    if (!body) {
      console.error(USAGE)
      return 2
    }
    const token = await operatorToken(base)
    answer = await call(`${base}/api/v1/sandbox/clock/advance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
  }
  console.log(JSON.stringify(answer.body, null, 2))
  return answer.status === 200 ? 0 : 1
}
