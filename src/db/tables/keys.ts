// The platform's signing keys and the tenders' bid-encryption keys (private halves wrapped by the KEK).
import type { ColumnType } from 'kysely'
import type { Json, Timestamp } from './columns.ts'

export interface SigningKeysTable {
  kid: string
  alg: string
  public_jwk: Json<Record<string, unknown>>
  /** The private JWK, wrapped by the KEK (AAD 'signing-key:' + kid); never stored in clear. */
  wrapped_private_jwk: string
  kek_fingerprint: string
  created_at: Timestamp
  retired_at: Timestamp | null
  /** Set when the key is no longer trusted (compromised): what it signed verifies as "revoked". */
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  revocation_reason: ColumnType<string | null, string | null | undefined, string | null>
}

export interface TenderKeysTable {
  tender_id: string
  kid: string
  alg: string
  enc: string
  public_jwk: Json<Record<string, unknown>>
  /** The private JWK, wrapped by the KEK (AAD 'tender-key:' + tender id); never stored in clear. */
  wrapped_private_jwk: string
  kek_fingerprint: string
  created_at: Timestamp
}
