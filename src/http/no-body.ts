// Commands without a request body (close, open, withdraw) refuse one with fields, as every other route
// refuses unknown fields; a JSON-schema body would also refuse the usual empty request.
import { InvalidInput } from '../shared/errors.ts'

export function assertNoBody(body: unknown): void {
  const empty =
    body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)
  if (!empty) throw new InvalidInput('this command takes no request body', {}, 'validation_failed')
}
