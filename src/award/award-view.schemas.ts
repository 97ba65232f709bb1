// The award view's parts read from outside the machine's context: the committee draw's proof (from the
// FORM_AWARD_COMMITTEE event) and the signed award report of the decision that stands.
import { Type } from 'typebox'

export const CommitteeDrawSchema = Type.Union(
  [
    Type.Object(
      {
        seq: Type.Integer(),
        drawnAt: Type.String(),
        poolSize: Type.Integer(),
        pool: Type.Array(Type.String(), {
          description: 'the eligible pool, sorted, as the seed covers it',
        }),
        secretCommitment: Type.String(),
        secret: Type.String(),
        seed: Type.String(),
        streamHeadHash: Type.String({
          description: "the hash of the event before the draw: the seed's input",
        }),
      },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  {
    description:
      "the committee draw's proof (null before it): verifyDraw(draw, draw.streamHeadHash, committee members) re-runs it",
  },
)

export const AwardReportSchema = Type.Union(
  [
    Type.Object(
      { recordId: Type.String(), issuedAt: Type.String(), pdfSha256: Type.String() },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  {
    description:
      'the signed award report (定标报告) of the decision that stands, once issued and if open to the reader; its PDF at /api/v1/records/{recordId}/pdf',
  },
)
