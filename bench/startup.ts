// `npm run bench:startup`: time from spawning `youxuan serve` to the first healthy /health answer,
// on a fresh data folder and then on the existing one. Prints one line per run and the medians.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const runs = Number(process.env.RUNS ?? 5)
const port = Number(process.env.PORT ?? 3917)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-bench-startup-'))

async function healthy(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('the server did not become healthy within 30 s')
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

async function timeOneStart(): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, ['bin/youxuan.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      YOUXUAN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  })
  try {
    await healthy(Date.now() + 30_000)
    return performance.now() - started
  } finally {
    await stop(child)
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const fresh = await timeOneStart()
console.log(`startup fresh_data_folder_ms=${fresh.toFixed(0)}`)
const existing: number[] = []
for (let i = 0; i < runs; i++) {
  const ms = await timeOneStart()
  existing.push(ms)
  console.log(`startup existing_data_folder_ms=${ms.toFixed(0)}`)
}
console.log(`startup median_existing_ms=${median(existing).toFixed(0)} runs=${runs} (goal < 3000)`)
fs.rmSync(dataDir, { recursive: true, force: true })
