// What the machine's context does not keep but the evaluation view shows, folded from the tender's
// events: the draw proof, who declared when (and what), and the report that currently stands. Pure.
import type { StoredEvent } from '../events/event-store.ts'

export interface DrawRecord {
  readonly seq: number
  readonly drawnAt: string
  readonly members: readonly string[]
  readonly pool: readonly string[]
  readonly secretCommitment: string
  readonly secret: string
  readonly seed: string
  /** The hash of the event before the draw: the seed's second input. */
  readonly streamHeadHash: string
}

export interface DeclarationRecord {
  readonly expertId: string
  readonly declaredAt: string
  readonly statement: string | null
}

export interface ReportRecord {
  readonly seq: number
  readonly submittedAt: string
  readonly submittedBy: string
  readonly summary: string
  readonly dissent: readonly { expertId: string; opinion: string }[]
}

export interface EvaluationRecord {
  readonly draw: DrawRecord | null
  readonly declarations: readonly DeclarationRecord[]
  /** The last report, unless an upheld objection to the candidates sent the committee back. */
  readonly report: ReportRecord | null
  /** Whether any report was ever submitted: the moment expert names may be shown (法 Art 37). */
  readonly everReported: boolean
}

type Data = Record<string, unknown>

function drawRecord(event: StoredEvent): DrawRecord {
  const { members, draw } = event.data as { members: string[]; draw: Data }
  return {
    seq: event.seq,
    drawnAt: event.recordedAt,
    members,
    pool: draw.pool as string[],
    secretCommitment: draw.secretCommitment as string,
    secret: draw.secret as string,
    seed: draw.seed as string,
    streamHeadHash: event.prevHash,
  }
}

function reportRecord(event: StoredEvent): ReportRecord {
  const data = event.data as { expertId: string; summary: string; dissent: ReportRecord['dissent'] }
  return {
    seq: event.seq,
    submittedAt: event.recordedAt,
    submittedBy: data.expertId,
    summary: data.summary,
    dissent: data.dissent,
  }
}

export function foldEvaluationRecord(events: readonly StoredEvent[]): EvaluationRecord {
  let draw: DrawRecord | null = null
  let report: ReportRecord | null = null
  let everReported = false
  const declarations: DeclarationRecord[] = []
  const candidateObjections = new Set<string>()
  for (const event of events) {
    const data = event.data as Data
    if (event.type === 'DRAW_EXPERTS') draw = drawRecord(event)
    if (event.type === 'DECLARE_NO_CONFLICT') {
      const statement = typeof data.statement === 'string' ? data.statement : null
      declarations.push({ expertId: data.expertId as string, declaredAt: event.recordedAt, statement })
    }
    if (event.type === 'SUBMIT_REPORT') {
      report = reportRecord(event)
      everReported = true
    }
    if (event.type === 'OBJECTION_RAISED' && data.stage === 'candidates') {
      candidateObjections.add(data.objectionId as string)
    }
    if (event.type === 'OBJECTION_ANSWERED' && data.upheld === true) {
      if (candidateObjections.has(data.objectionId as string)) report = null
    }
  }
  return { draw, declarations, report, everReported }
}

export interface ScoreSummary {
  readonly count: number
  /** The mean rounded half-up to 2 places, as a string (e.g. "87.35"); null with no scores. */
  readonly mean: string | null
  readonly min: number | null
  readonly max: number | null
}

/** Scores are multiples of 0.01, so the mean is worked out in whole hundredths: no float drift. */
export function summariseScores(scores: readonly number[]): ScoreSummary {
  if (scores.length === 0) return { count: 0, mean: null, min: null, max: null }
  const hundredths = scores.map((score) => Math.round(score * 100))
  const total = hundredths.reduce((sum, h) => sum + h, 0)
  const count = scores.length
  const rounded = Math.floor((2 * total + count) / (2 * count))
  const mean = `${Math.floor(rounded / 100)}.${String(rounded % 100).padStart(2, '0')}`
  return { count, mean, min: Math.min(...scores), max: Math.max(...scores) }
}
