// The demo's data: a Foshan district road-works tender and what each bidder offers (all fictitious).

export const DEMO_BIDDERS = ['bidder1', 'bidder2', 'bidder3', 'bidder4', 'bidder5'] as const

export function demoTenderBody(runTag: string) {
  return {
    reference: `NHSZ-${runTag}`,
    title: '佛山市南海区桂澜路（海八路至佛平路段）市政道路改造工程施工',
    description:
      '道路全长约2.3公里，含路面改造、雨污分流管网、交通设施及绿化恢复。工期180日历天。' +
      ' Road rehabilitation of Guilan Road, Nanhai District, Foshan: 2.3 km, drainage, traffic facilities, landscaping; 180 days.',
    category: 'works' as const,
    estimatedValueFen: '3850000000',
    ceilingPriceFen: '4000000000',
  }
}

/** Declared prices in fen; bidder3 later replaces its bid with a lower price. */
export const DEMO_PRICES: Record<(typeof DEMO_BIDDERS)[number], string> = {
  bidder1: '3712000000',
  bidder2: '3689500000',
  bidder3: '3799000000',
  bidder4: '3655800000',
  bidder5: '3740250000',
}

export const REPLACEMENT_PRICE = '3731000000'

/** Each expert's scores per bidder (0–100), the basis of the recommendation. */
export const DEMO_SCORES: Record<(typeof DEMO_BIDDERS)[number], number[]> = {
  bidder1: [88.5, 90, 87, 89.5, 91],
  bidder2: [84, 86.5, 85, 83, 86],
  bidder3: [90, 88, 91.5, 89, 90.5],
  bidder4: [79, 81.5, 80, 78.5, 82],
  bidder5: [86, 87, 88.5, 85.5, 87],
}
