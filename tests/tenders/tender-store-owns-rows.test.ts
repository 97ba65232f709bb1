// The tender store owns the tenders row (issue 13 item 3): outside src/tenders no code reads the machine
// snapshot JSON column, and the row type never leaves the repository. Everyone else gets a domain
// Tender (id, purchaser, state, version, context) or one of the store's named reads.
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../support/source-files.ts'

const outsideStore = sourceFiles('src', 'bench').filter((file) => !file.path.startsWith('src/tenders/'))

const READS_SNAPSHOT = [
  /\bsnapshot\s*->/, // jsonb path into the column, in raw SQL
  /'(?:tenders\.)?snapshot'/, // the column named in a Kysely select or where
  /\btenders\.snapshot\b/,
]

describe('the tender store', () => {
  it('is the only reader of the snapshot JSON column', () => {
    const reading = outsideStore.flatMap((file) =>
      file.text
        .split('\n')
        .filter((line) => READS_SNAPSHOT.some((pattern) => pattern.test(line)))
        .map((line) => `${file.path}: ${line.trim()}`),
    )
    expect(reading).toEqual([])
  })

  it('keeps the row type to its repository', () => {
    const declaring = ['src/db/tables/tenders.ts', 'src/db/schema.ts', 'src/tenders/tender-repository.ts']
    const naming = sourceFiles('src', 'tests', 'bench')
      .filter(
        (file) =>
          !declaring.includes(file.path) && file.path !== 'tests/tenders/tender-store-owns-rows.test.ts',
      )
      .filter((file) => /\bTendersTable\b|\bTenderRow\b/.test(file.text))
      .map((file) => file.path)
    expect(naming).toEqual([])
  })
})
