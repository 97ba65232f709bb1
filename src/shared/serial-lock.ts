// One-at-a-time sections within a process: the timer worker's rounds and a sandbox clock advance take
// turns, so no round reads the clock halfway through a jump.

export type SerialLock = <T>(section: () => Promise<T>) => Promise<T>

export function createSerialLock(): SerialLock {
  let tail: Promise<unknown> = Promise.resolve()
  return (section) => {
    const run = tail.then(section, section)
    tail = run.catch(() => undefined)
    return run
  }
}
