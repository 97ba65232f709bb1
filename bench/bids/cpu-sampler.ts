// Where the CPU went during the window: the server process, the run database's PostgreSQL backends (and
// the WAL writer, checkpointer, background writer) and the load
// process, sampled from /proc (Linux) every 25 ms. Diagnostic only; absent where /proc is.
import fs from 'node:fs'

interface Sample {
  readonly at: number
  readonly server: number
  readonly postgres: number
  readonly load: number
}

const TICK_MS = 1000 / 100 // USER_HZ is 100 on Linux

/** utime + stime of a process in ms, 0 if it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return 0
  }
}

/** The run database's backends and the server-wide writers; other databases' backends are not ours. */
function postgresPids(database: string): number[] {
  const pids: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (title.includes(` ${database} `) || /writer|checkpointer/.test(title)) pids.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}

export interface CpuSampler {
  setLoadPid(pid: number): void
  /** CPU ms per process group between the samples nearest to start and end (epoch ms). */
  between(start: number, end: number): { server: number; postgres: number; load: number } | null
  stop(): void
}

export function startCpuSampler(serverPid: number, database: string): CpuSampler {
  const samples: Sample[] = []
  let loadPid = 0
  // Backends come and go with connections: count each pid's growth, summed over all pids seen.
  const postgresSeen = new Map<number, number>()
  let postgresTotal = 0
  const sample = () => {
    for (const pid of postgresPids(database)) {
      const now = cpuMs(pid)
      const before = postgresSeen.get(pid) ?? now
      postgresTotal += Math.max(0, now - before)
      postgresSeen.set(pid, now)
    }
    samples.push({ at: Date.now(), server: cpuMs(serverPid), postgres: postgresTotal, load: cpuMs(loadPid) })
  }
  const available = fs.existsSync('/proc/self/stat')
  if (available) sample()
  const timer = available ? setInterval(sample, 25) : null
  timer?.unref()
  const nearest = (at: number) =>
    samples.reduce<Sample | null>(
      (best, s) => (!best || Math.abs(s.at - at) < Math.abs(best.at - at) ? s : best),
      null,
    )
  return {
    setLoadPid(pid) {
      loadPid = pid
    },
    between(start, end) {
      const a = nearest(start)
      const b = nearest(end)
      if (!a || !b || a === b) return null
      return { server: b.server - a.server, postgres: b.postgres - a.postgres, load: b.load - a.load }
    },
    stop() {
      if (timer) clearInterval(timer)
    },
  }
}
