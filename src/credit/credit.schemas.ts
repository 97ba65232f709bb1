// Request and response schemas of the credit routes.
import { type TSchema, Type } from 'typebox'
import { Id, IsoDateTime } from '../http/schemas.ts'

const Open = <T extends Record<string, TSchema>>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: true, description })
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const UsccParams = Type.Object(
  {
    // Checked in the handler, so a bad code gets invalid_uscc with its position and expected character.
    uscc: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'a Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters',
      examples: ['91350200776049653A'],
    }),
  },
  { additionalProperties: false },
)

export const CreditQuery = Type.Object(
  { at: Type.Optional(IsoDateTime('the moment to judge listings at; default now')) },
  { additionalProperties: false },
)

export const SnapshotIdParams = Type.Object(
  { id: Id('credit snapshot id (csn_…)') },
  { additionalProperties: false },
)

const CreditAnswer = Open(
  {
    source: Open(
      { id: Type.String(), kind: Type.String(), name: Type.String() },
      'where the answer came from',
    ),
    status: Type.Union(
      ['ok', 'unavailable', 'timed_out', 'malformed', 'circuit_open'].map((s) => Type.Literal(s)),
      { description: "only 'ok' is an answer: every other status is recorded and shown, never as clean" },
    ),
    problem: Nullable(Type.String()),
    queriedAt: Type.String(),
    rawSha256: Nullable(Type.String({ description: 'SHA-256 of the raw response' })),
    lists: Type.Array(Type.Object({}, { additionalProperties: true })),
    penalties: Type.Array(Type.Object({}, { additionalProperties: true })),
  },
  "one provider's normalised answer",
)

export const CreditSnapshotSchema = Open(
  {
    id: Type.String({ examples: ['csn_5c1f0e9a7b3d4e2f8a6c0b1d2e3f4a5b'] }),
    uscc: Type.String({ examples: ['91350200776049653A'] }),
    purpose: Type.Union(['bid_submission', 'opening', 'dossier', 'manual_query'].map((p) => Type.Literal(p))),
    tenderId: Nullable(Type.String()),
    bidId: Nullable(Type.String()),
    queriedAt: Type.String(),
    cutoffAt: Type.String({ description: 'the moment the listings were judged at' }),
    complete: Type.Boolean({ description: 'false when any source gave no answer: never a clean record' }),
    outcome: Nullable(
      Type.String({ description: 'clear, flag, refuse or unavailable under the policy applied' }),
    ),
    report: Open(
      { complete: Type.Boolean(), answers: Type.Array(CreditAnswer) },
      'every source asked, each answer with its source',
    ),
    verdict: Nullable(Type.Object({}, { additionalProperties: true })),
    rawSha256: Type.Array(Type.String()),
    sha256: Type.String({ description: "SHA-256 of the snapshot's canonical JSON" }),
  },
  'an immutable credit snapshot: the lookup as used, who asked, when and why',
)

export const StoredSnapshotSchema = Type.Intersect([
  CreditSnapshotSchema,
  Type.Object({ intact: Type.Boolean({ description: 'the snapshot still hashes to its sha256' }) }),
])

export const TenderCreditSchema = Open(
  {
    tenderId: Type.String(),
    declared: Type.Boolean({ description: 'false for a pack published before credit policies' }),
    rulePack: Nullable(Open({ id: Type.String(), version: Nullable(Type.String()) }, 'the published pack')),
    policy: Type.Object({}, { additionalProperties: true, description: "the pack's credit policy, cited" }),
    cutoff: Open(
      { rule: Type.String(), at: Nullable(Type.String()), description: Type.String() },
      'the cut-off of the check (查询截止时点) as declared',
    ),
    snapshots: Type.Array(Type.Object({}, { additionalProperties: true })),
    evidence: Open(
      {
        ok: Type.Boolean(),
        referenced: Type.Integer(),
        missing: Type.Array(Type.String()),
        altered: Type.Array(Type.String()),
      },
      "the snapshots the tender's events reference, each found and re-hashed",
    ),
  },
  "the tender's credit terms and the snapshots its reader may see",
)
