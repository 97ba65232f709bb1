// The bid form (投标文件 data) in plaintext: its schema, the rules a conforming bid meets, and the
// content hash. Submission checks only the shape; opening checks everything (DESIGN §5).
import { type Static, Type } from 'typebox'
import { Value } from 'typebox/value'
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { Fen } from '../http/schemas.ts'

const BidItemSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['沥青混凝土路面'] }),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000_000, examples: [23000] }),
    unitPriceFen: Fen('unit price'),
  },
  { additionalProperties: false, description: 'one line of the bill of quantities (工程量清单)' },
)

export const BidContentSchema = Type.Object(
  {
    priceFen: { ...Fen('total bid price (投标报价)'), examples: ['3790000000'] },
    durationDays: Type.Integer({
      minimum: 1,
      maximum: 3650,
      description: '工期 in calendar days',
      examples: [365],
    }),
    items: Type.Optional(
      Type.Array(BidItemSchema, { maxItems: 1000, description: 'optional price breakdown' }),
    ),
    declarations: Type.Object(
      {
        noCollusion: Type.Boolean({ description: '无串通投标承诺', examples: [true] }),
        qualificationsMet: Type.Boolean({ description: '资格条件满足承诺', examples: [true] }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: 'the bid content; never logged, hidden until opening' },
)

export type BidContent = Static<typeof BidContentSchema>

/** What opening finds in one bid: a conforming bid's price, or why it does not conform. */
export type BidContentCheck =
  | { readonly valid: true; readonly priceFen: string }
  | { readonly valid: false; readonly reason: string }

/**
 * The opening-time check. A sealed bid cannot be read before opening, so rules beyond the shape (the
 * declarations made, the breakdown adding up) are judged here, for plaintext bids the same way.
 */
export function checkBidContent(content: unknown): BidContentCheck {
  if (!Value.Check(BidContentSchema, content)) {
    const [first] = Value.Errors(BidContentSchema, content)
    return {
      valid: false,
      reason: `the bid does not match the bid form: ${first?.instancePath || '/'} ${first?.message}`,
    }
  }
  const { declarations, items, priceFen } = content
  if (!declarations.noCollusion)
    return { valid: false, reason: 'the no-collusion declaration (无串通投标承诺) is missing' }
  if (!declarations.qualificationsMet)
    return { valid: false, reason: 'the qualification declaration is missing' }
  if (items && items.length > 0) {
    const total = items.reduce((sum, item) => sum + BigInt(item.quantity) * BigInt(item.unitPriceFen), 0n)
    if (total !== BigInt(priceFen))
      return { valid: false, reason: 'the items do not add up to the bid price' }
  }
  return { valid: true, priceFen }
}

/** SHA-256 (hex) of the canonical JSON (RFC 8785) of the content: what the bidder can recompute. */
export function bidContentHash(content: BidContent): string {
  return sha256Hex(canonicalJson(content))
}
