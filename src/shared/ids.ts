// Identifiers: random UUIDs with a short prefix saying what they name (tnd_…, bid_…).
import { randomUUID } from 'node:crypto'

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`
}

export const ID_PATTERN = '^[a-z]{2,4}_[0-9a-f]{32}$'
