// A tiny HTTP client for the demo: logs in seeded users, sends JSON, stops on any non-2xx answer.

export class DemoClient {
  private readonly tokens = new Map<string, string>()

  constructor(private readonly baseUrl: string) {}

  /** Tokens are issued at the (simulated) current time; drop them when the demo moves its clock. */
  forgetTokens(): void {
    this.tokens.clear()
  }

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username)
    if (cached) return cached
    const { token } = await this.request<{ token: string }>('POST', '/api/v1/auth/dev-login', null, {
      username,
    })
    this.tokens.set(username, token)
    return token
  }

  async as<T>(username: string, method: string, path: string, body?: unknown): Promise<T> {
    return this.request<T>(method, path, await this.token(username), body)
  }

  /** A request the demo expects to be refused: its status and problem (a 2xx answer stops the demo). */
  async refused(
    username: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; code: string; detail: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token(username)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    })
    const problem = (await response.json()) as { code?: string; detail?: string }
    if (response.ok) throw new Error(`${method} ${path} → ${response.status}: expected a refusal`)
    return { status: response.status, code: problem.code ?? '', detail: problem.detail ?? '' }
  }

  async request<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    const parsed = text ? (JSON.parse(text) as unknown) : null
    if (!response.ok) {
      const problem = parsed as { code?: string; detail?: string } | null
      throw new Error(
        `${method} ${path} → ${response.status} ${problem?.code ?? ''}: ${problem?.detail ?? text}`,
      )
    }
    return parsed as T
  }
}

/** Which of the seeded users `${prefix}1`…`${prefix}9` have the given user ids, in that order. */
export async function seededUsernames(api: DemoClient, prefix: string, userIds: string[]): Promise<string[]> {
  const names: string[] = []
  for (let n = 1; n <= 9; n++) {
    const me = await api.as<{ id: string }>(`${prefix}${n}`, 'GET', '/api/v1/me')
    if (userIds.includes(me.id)) names.push(`${prefix}${n}`)
  }
  return names
}
