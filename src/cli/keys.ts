// `youxuan keys rotate`: a new active signing key; the old one stays in the JWKS so all it signed verifies.
import { loadConfig } from '../config.ts'
import { describeKekSource } from '../keys/kek.ts'
import { openRuntime } from '../runtime.ts'
import { systemClock } from '../shared/clock.ts'

export const KEYS_USAGE = 'usage: youxuan keys rotate'

export async function keysCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] !== 'rotate') {
    console.error(KEYS_USAGE)
    return 2
  }
  const runtime = await openRuntime(loadConfig(), systemClock)
  try {
    if (runtime.kekOrigin.source === 'file-created')
      console.warn(describeKekSource(runtime.kekOrigin).message)
    const kid = await runtime.keys.rotate(systemClock.now())
    const { keys } = await runtime.keys.jwks()
    console.log(`active signing key: ${kid}`)
    console.log(`published keys (${keys.length}): ${keys.map((key) => key.kid).join(', ')}`)
    return 0
  } finally {
    await runtime.close()
  }
}
