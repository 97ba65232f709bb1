// The Chinese name of each evaluation method (评标方法) and award method (定标方法): one list for the
// signed records (templates/pdf) and every screen (src/web/messages/zh-CN.ts), so a method reads the
// same on paper and in the browser.
export const EVALUATION_METHOD_NAMES: Readonly<Record<string, string>> = {
  comprehensive: '综合评估法',
  qualitative: '定性评审法',
  lowestEvaluatedPrice: '经评审的最低投标价法',
}

export const AWARD_METHOD_NAMES: Readonly<Record<string, string>> = {
  simpleMajority: '票决法（简单多数）',
  pairwise: '一对一比较法',
  roundElimination: '逐轮票决（逐轮淘汰）',
  cumulative: '累积投票法',
  collectiveDeliberation: '集体议事法',
  priceCompetition: '价格竞争定标法',
  lottery: '直接抽签法',
}
