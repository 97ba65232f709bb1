// A progress bar for large imports, on a terminal only (a pipe or a log gets nothing).
const WIDTH = 30

export function progressBar(stream: NodeJS.WriteStream, label: string, minimum = 5000) {
  let last = -1
  return (done: number, total: number): void => {
    if (!stream.isTTY || total < minimum) return
    const percent = Math.floor((done / total) * 100)
    if (percent === last && done < total) return
    last = percent
    const filled = Math.round((done / total) * WIDTH)
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`
    stream.write(
      `\r${label} [${bar}] ${String(percent).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`,
    )
    if (done >= total) stream.write('\n')
  }
}
