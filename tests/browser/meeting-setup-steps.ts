// The purchaser's part of the award meeting in the browser: from the tender list to the tender's
// overview and its award setup page, where they draw the committee (its size typed in) and freeze the
// dossiers; the page shows the draw's proof and the dossier hash the API holds. Answers the drawn
// members' usernames, the chair first.
import { expect } from 'vitest'
import { get, usernameOf } from '../award/support.ts'
import { check, type Person, type Run, submit } from './meeting-steps.ts'

export async function purchaserSetsUp(
  run: Run,
  purchaser: Person,
  tenderId: string,
  size: number,
): Promise<string[]> {
  const { page } = purchaser
  const overview = `/tenders/${tenderId}`
  const setup = `${overview}/award`
  await page.goto('/tenders')
  await check(run, page, 'tenders')
  await Promise.all([page.waitForURL(`**${overview}`), page.click(`main a[href="${overview}"]`)])
  await check(run, page, 'overview-awarding')
  await Promise.all([page.waitForURL(`**${setup}`), page.click(`main a[href="${setup}"]`)])
  await check(run, page, 'award-setup')

  await page.fill('#f-size', String(size))
  await submit(page, '/award/committee', setup)
  const view = await get(run.app.test, 'purchaser', `/api/v1/tenders/${tenderId}/award`)
  const { committee, draw } = view.body
  expect(await page.textContent('#draw-commitment')).toBe(draw.secretCommitment)
  await check(run, page, 'award-setup-drawn')

  await submit(page, '/award/dossiers/freeze', setup)
  const frozen = await get(run.app.test, 'purchaser', `/api/v1/tenders/${tenderId}/award`)
  expect(frozen.body.dossierHash).toMatch(/^[0-9a-f]{64}$/)
  expect(await page.textContent('main')).toContain(frozen.body.dossierHash)
  await check(run, page, 'award-setup-frozen')

  const members: { userId: string; chair: boolean }[] = committee.members
  const ordered = [...members.filter((m) => m.chair), ...members.filter((m) => !m.chair)]
  return ordered.map((m) => usernameOf(m.userId))
}
