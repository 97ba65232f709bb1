// The demo's award meeting (定标会) itself: every member checks in declaring no conflict of interest,
// the chair opens the round once the quorum is present, the members cast secret ballots (each answered
// with a receipt, never the choice), and the chair closes the round, which reveals the tally.
import type { DemoClient } from './demo-client.ts'
import { heading, line } from './demo-print.ts'

interface AwardView {
  round: number
  quorum: { limit: number; checkedIn: number; met: boolean } | null
  rounds: { votedBy: string[]; tally: { bidId: string; votes: number }[] | null }[]
  next: { action: string; says: string } | null
}

interface Ballot {
  result: { receipt: { code: string } }
}

export interface MeetingChoices {
  /** The members by username, and which of them chairs. */
  readonly members: readonly string[]
  readonly chair: string
  /** Each member's candidate and reason, in `members` order. */
  readonly ballots: readonly { readonly candidateBidId: string; readonly reason: string }[]
}

/** Runs round 1 of the meeting and answers its tally, as the chair's close revealed it. */
export async function runMeeting(api: DemoClient, id: string, meeting: MeetingChoices) {
  const t = (path: string) => `/api/v1/tenders/${id}${path}`
  const view = () => api.as<AwardView>('purchaser', 'GET', t('/award'))
  heading(
    '定标委员签到并声明无利害关系',
    'Each member checks in, declaring no conflict of interest with any candidate',
  )
  for (const member of meeting.members) await api.as(member, 'POST', t('/award/check-in'), {})
  const present = await view()
  line(
    `签到 / checked in: ${present.quorum?.checkedIn}/${meeting.members.length} · 法定人数 / quorum ${present.quorum?.limit} · ${present.quorum?.met ? '已达到 met' : '未达到 not met'}`,
  )

  heading('主任开启第 1 轮投票', `The chair (${meeting.chair}) opens round 1`)
  await api.as(meeting.chair, 'POST', t(`/award/rounds/${present.round}/open`), {})

  heading('定标委员会无记名投票（简单多数）', 'Secret ballots, simple majority: each answered with a receipt')
  for (const [i, member] of meeting.members.entries()) {
    const cast = await api.as<Ballot>(member, 'POST', t('/award/ballots'), meeting.ballots[i])
    line(`${member}: 回执 / receipt ${cast.result.receipt.code}`)
  }
  const voted = await view()
  line(
    `已投 / voted ${voted.rounds.at(-1)?.votedBy.length}/${meeting.members.length} · 计票 / tally: ${voted.rounds.at(-1)?.tally === null ? '未公开 sealed until the close' : 'open'}`,
  )

  heading('主任结束本轮，公布计票结果', 'The chair closes the round; the tally is revealed')
  await api.as(meeting.chair, 'POST', t(`/award/rounds/${present.round}/close`), {})
  const closed = await view()
  line(`下一步 / next: ${closed.next?.says ?? '—'}`)
  return closed.rounds.at(-1)?.tally ?? []
}
