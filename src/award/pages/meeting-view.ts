// What the meeting's pages are drawn from: the award view (readAwardMeeting) and the frozen dossiers
// (readDossiers, null until frozen), plus each candidate's name and price for labels.

import { money } from '../../web/format.ts'
import type { Locale } from '../../web/locale-names.ts'
import type { readAwardMeeting } from '../award-view.ts'
import type { CandidateDossier } from '../dossiers.ts'

export type AwardMeetingView = Awaited<ReturnType<typeof readAwardMeeting>>

export interface MeetingData {
  readonly view: AwardMeetingView
  readonly dossiers: { dossierHash: string; frozenAt: string | null; dossiers: CandidateDossier[] } | null
  /** The project's reference and title, from the tender. */
  readonly reference: string
  readonly title: string
}

/** The candidate's name (its bid id when the directory has none). */
export function candidateName(data: MeetingData, bidId: string): string {
  const dossier = data.dossiers?.dossiers.find((d) => d.bidId === bidId)
  return dossier?.bidderName ?? bidId
}

/** "某某建设有限公司 · ¥36,500,000.00": how a ballot's radio names a candidate. */
export function candidateLabel(data: MeetingData, bidId: string, locale: Locale): string {
  const dossier = data.dossiers?.dossiers.find((d) => d.bidId === bidId)
  const price = dossier?.priceFen ? ` · ${money(dossier.priceFen, locale)}` : ''
  return `${candidateName(data, bidId)}${price}`
}

/** The current round of the vote, if voting has started. */
export function currentRound(view: AwardMeetingView) {
  return view.rounds.find((r) => r.round === view.round) ?? null
}

/** The members who vote (checked in): the n of "已投 k/n". */
export function votersOf(view: AwardMeetingView): number {
  return view.attendance.filter((a) => a.status === 'checkedIn').length
}
