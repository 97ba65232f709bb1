// The streams of the event store, named by what they follow: one per tender (its machine's events), one
// per bid, and one per tender for the records issued on it. Every capability names streams from here.

export const tenderStreamId = (tenderId: string) => `tender-${tenderId}`

export const bidStreamId = (bidId: string) => `bid-${bidId}`

export const recordStreamId = (tenderId: string) => `records-${tenderId}`
