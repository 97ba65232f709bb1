// The import's progress bar (cli-progress), on a terminal only: a pipe or a log gets nothing. The bar
// measures the bytes read of the file's size, since the rows are counted only as they stream past.
import { SingleBar } from 'cli-progress'
import type { ImportProgress } from './import-credit.ts'

export interface ImportProgressBar {
  update(progress: ImportProgress): void
  /** Draws the last state and ends the line; call it however the import ends. */
  stop(): void
}

const NO_BAR: ImportProgressBar = { update: () => {}, stop: () => {} }

/** A bar for a file of `fileBytes`; none below `minimumBytes` (about 5,000 rows), where it would only flash. */
export function importProgressBar(
  stream: NodeJS.WriteStream,
  fileBytes: number,
  minimumBytes = 512 * 1024,
): ImportProgressBar {
  if (!stream.isTTY || fileBytes < minimumBytes) return NO_BAR
  const bar = new SingleBar({
    stream,
    format: 'importing [{bar}] {percentage}% {rows} rows, {eta_formatted} left',
    barsize: 30,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    etaBuffer: 50,
    // Its SIGINT/SIGTERM handler would keep the process alive after Ctrl-C.
    gracefulExit: false,
  })
  bar.start(fileBytes, 0, { rows: '0' })
  return {
    update: ({ rowsRead, bytesRead }) =>
      bar.update(Math.min(bytesRead, fileBytes), { rows: rowsRead.toLocaleString('en') }),
    stop: () => bar.stop(),
  }
}
