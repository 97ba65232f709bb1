// The import's progress bar: drawn on a terminal for a large file (bytes read of the file's size, and the
// rows so far), ended on a line of its own; nothing on a pipe or for a small file.
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { importProgressBar } from '../../src/credit/import-progress.ts'

/** A stream that says it is (or is not) a terminal and keeps what is written to it. */
function screen(isTTY: boolean) {
  let written = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk)
      done()
    },
  }) as unknown as NodeJS.WriteStream
  Object.assign(stream, { isTTY, columns: 100 })
  return { stream, written: () => written }
}

describe('the import progress bar', () => {
  it('shows the share of the file read and the rows so far, and ends its line when stopped', () => {
    const { stream, written } = screen(true)
    const bar = importProgressBar(stream, 4_000_000)
    bar.update({ rowsRead: 10_000, rowsStored: 8_000, bytesRead: 1_000_000 })
    bar.update({ rowsRead: 40_000, rowsStored: 40_000, bytesRead: 4_000_000 })
    bar.stop()
    bar.stop() // a second stop (the finally after a normal end) draws nothing more
    const lines = written().split('\n')
    expect(lines.at(-1)).toBe('')
    expect(written()).toContain(`importing [${'#'.repeat(30)}] 100% 40,000 rows`)
    expect(written().match(/100% 40,000 rows/g)).toHaveLength(1)
  })

  it('draws nothing on a pipe, nor for a file too small to need it', () => {
    for (const [isTTY, bytes] of [
      [false, 4_000_000],
      [true, 100_000],
    ] as const) {
      const { stream, written } = screen(isTTY)
      const bar = importProgressBar(stream, bytes)
      bar.update({ rowsRead: 1_000, rowsStored: 0, bytesRead: bytes })
      bar.stop()
      expect(written()).toBe('')
    }
  })
})
