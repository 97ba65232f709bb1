// The replay certificate: the tender's history up to the certified event summarised (event count,
// types, first and last times, chain head) with what replaying it found (chain, machine, draws). Pure.

import { tenderStateOf } from '../../../state-machines/tender.machine.ts'
import type { ReplayCertificateInput } from '../../../templates/pdf/record-input.ts'
import { verifyStreamDraws } from '../../draws/recorded-draws.ts'
import { verifyChain } from '../../events/hash-chain.ts'
import { identityOf, particularsOf } from './input-parts.ts'
import type { RecordSource } from './record-source.ts'

export function replayCertificateInput(source: RecordSource): ReplayCertificateInput {
  const { events, context, directory } = source
  const counts = new Map<string, number>()
  for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1)
  const chain = verifyChain(events)
  const { fold } = source
  const last = events.at(-1)
  return {
    type: 'replay_certificate',
    tender: identityOf(context),
    particulars: particularsOf(context, directory),
    streamId: source.certified.streamId,
    eventCount: events.length,
    eventTypes: [...counts].map(([type, count]) => ({ type, count })),
    firstAt: events[0]?.recordedAt ?? null,
    lastAt: last?.recordedAt ?? null,
    genesisPrevHash: events[0]?.prevHash ?? null,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    finalState: fold.snapshot === null ? null : tenderStateOf(fold.snapshot),
    failureReason: context.failureReason,
    cancelReason: context.cancelReason,
    chainOk: chain.ok,
    replayOk: fold.rejectedSeq === null,
    replayProblem: chain.problem ?? fold.problem,
    draws: verifyStreamDraws(events).checked,
  }
}
