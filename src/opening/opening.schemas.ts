// Response schema of the opening record (开标记录).
import { Type } from 'typebox'

const OpeningRecordBid = Type.Object(
  {
    bidId: Type.String(),
    bidderName: Type.Union([Type.String(), Type.Null()]),
    bidderUscc: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()], {
      description: 'why the bid did not open: invalid content, or a decryption failure and whose it was',
    }),
    priceFen: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: true },
)
export const OpeningRecordResponse = Type.Object(
  {
    tenderId: Type.String(),
    reference: Type.String(),
    title: Type.String(),
    deadline: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Type.String(), Type.Null()]),
    openedAt: Type.Union([Type.String(), Type.Null()]),
    bidCount: Type.Union([Type.Integer(), Type.Null()]),
    bidSetHash: Type.Union([Type.String(), Type.Null()]),
    bids: Type.Array(OpeningRecordBid),
  },
  { additionalProperties: true, description: 'the opening record (开标记录)' },
)
