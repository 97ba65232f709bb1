// The keys the token issuer signs access tokens with.
import type { Json, Timestamp } from './columns.ts'

export interface IssuerKeysTable {
  kid: string
  private_jwk: Json<Record<string, unknown>>
  public_jwk: Json<Record<string, unknown>>
  created_at: Timestamp
}
