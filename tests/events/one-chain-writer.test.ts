// One writer of the hash chain (issue 13 item 4): outside src/events no code hashes an event, inserts
// into or updates the events table, or names its prev_hash column (but the table's type). Writers hand
// events to appendEvents, or chain them with chainEvents and insert them with insertChainedEventsSql.
// Tests are not scanned: they re-derive hashes with eventHash to check the store independently.
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../support/source-files.ts'

const outsideEvents = sourceFiles('src', 'state-machines', 'templates', 'bench', 'migrations').filter(
  (file) => !file.path.startsWith('src/events/'),
)

const WRITES_EVENTS = [
  /\binsert\s+into\s+events\b/i,
  /\bupdate\s+events\b/i,
  /\binsertInto\(\s*'events'\s*\)/,
  /\bupdateTable\(\s*'events'\s*\)/,
  /\bmergeInto\(\s*'events'\s*\)/,
]

/** The events table's type and the migration creating it name the column; nothing else may. */
const declaresColumn = (path: string, line: string) =>
  (path === 'src/db/tables/events.ts' && /^\s*prev_hash: string$/.test(line)) ||
  (path.startsWith('migrations/') && /^\s*prev_hash text not null,$/.test(line))

describe('one writer of the hash chain', () => {
  it('hashes events only in src/events', () => {
    const hashing = outsideEvents.filter((file) => /\beventHash\b/.test(file.text)).map((file) => file.path)
    expect(hashing).toEqual([])
  })

  it('writes the events table only from src/events', () => {
    const writing = outsideEvents
      .filter((file) => WRITES_EVENTS.some((pattern) => pattern.test(file.text)))
      .map((file) => file.path)
    expect(writing).toEqual([])
  })

  it('names prev_hash only in src/events, the table type and its migration', () => {
    const naming = outsideEvents.flatMap((file) =>
      file.text
        .split('\n')
        .filter((line) => line.includes('prev_hash') && !declaresColumn(file.path, line))
        .map((line) => `${file.path}: ${line.trim()}`),
    )
    expect(naming).toEqual([])
  })
})
