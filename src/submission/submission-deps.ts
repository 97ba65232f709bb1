// What the bidding capability needs beyond the tender pipeline: the platform keys (tender keys are
// unwrapped with its KEK, receipts signed with its signing key) and the bid body limit.
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'

export type BiddingDeps = CommandDeps & {
  readonly keys: PlatformKeys
  /** Largest bid submission in bytes (YOUXUAN_BID_BODY_LIMIT); beyond it 413 body_too_large. */
  readonly bidBodyLimit: number
}
