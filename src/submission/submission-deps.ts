// What bid submission needs beyond the tender pipeline: the platform keys (receipts are signed with its
// signing key, idempotent requests wrapped with its KEK), the bid body limit, and what the app built
// once for every submission: its credit lookups and the fast path's queue, hints and terms.
import type { CreditLookups } from '../credit/credit-lookups.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import type { FastPath } from './fast-path.ts'

export type SubmissionDeps = CommandDeps & {
  readonly keys: PlatformKeys
  /** Largest bid submission in bytes (YOUXUAN_BID_BODY_LIMIT); beyond it 413 body_too_large. */
  readonly bidBodyLimit: number
  readonly credit: CreditLookups
  readonly fastPath: FastPath
}
