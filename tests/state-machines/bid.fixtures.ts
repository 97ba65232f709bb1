// The scenario's bid: submitted ten days after publication, before the fixture deadline.
import type { BidInput } from '../../state-machines/bid.events.ts'
import { DEADLINE, T } from './tender.fixtures.ts'

export const bidInput: BidInput = {
  bidId: 'b1',
  tenderId: 'tender-1',
  bidderOrgId: '91350200776049653A',
  submittedAt: T(10),
  deadline: DEADLINE,
  contentHash: 'sha256:abc',
}
