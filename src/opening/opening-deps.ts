// What opening needs beyond the tender pipeline: the platform keys (the tender key is unwrapped with
// its KEK at opening) and the app's credit lookups (every bidder is checked at opening).
import type { CreditLookups } from '../credit/credit-lookups.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'

export type OpeningDeps = CommandDeps & {
  readonly keys: PlatformKeys
  readonly credit: CreditLookups
}
