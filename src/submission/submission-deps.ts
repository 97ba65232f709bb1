// What bid submission needs beyond the tender pipeline: the platform keys (receipts are signed with its
// signing key, idempotent requests wrapped with its KEK) and the bid body limit.
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'

export type SubmissionDeps = CommandDeps & {
  readonly keys: PlatformKeys
  /** Largest bid submission in bytes (YOUXUAN_BID_BODY_LIMIT); beyond it 413 body_too_large. */
  readonly bidBodyLimit: number
}
