// The purchaser's part of the award meeting in the browser: from the tender's overview to the award
// setup page, where they draw the committee and freeze the dossiers. Answers the drawn members'
// usernames, the chair first.
import { expect } from 'vitest'
import { formAndFreeze } from '../award/support.ts'
import { check, type Person, type Run } from './meeting-steps.ts'

export async function purchaserSetsUp(
  run: Run,
  purchaser: Person,
  tenderId: string,
  size: number,
): Promise<string[]> {
  await purchaser.page.goto('/tenders')
  await check(run, purchaser.page, 'tenders')
  // PROVISIONAL until the award setup page lands: the committee is drawn through the API.
  const members = await formAndFreeze(run.app.test, tenderId, size)
  expect(members).toHaveLength(size)
  return members
}
