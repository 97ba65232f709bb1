// The bench's other processes: the load generator (bench/bids/load.ts) and the raw `pg` insert baseline
// (bench/bids/pg-insert.ts), each run by node with tsx's loader.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LoadPlan, type LoadResult, readJson, writeJson } from './plan.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

function runScript(
  script: string,
  arg: string,
  captureStdout: boolean,
  onSpawn?: (pid: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, script), arg], {
      stdio: ['ignore', captureStdout ? 'pipe' : 'inherit', 'inherit'],
    })
    if (child.pid !== undefined) onSpawn?.(child.pid)
    let stdout = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(stdout)
      else reject(new Error(`${script} exited with ${code ?? signal}`))
    })
  })
}

export async function runLoadProcess(
  plan: LoadPlan,
  planFile: string,
  onSpawn?: (pid: number) => void,
): Promise<LoadResult> {
  writeJson(planFile, plan)
  await runScript('load.ts', planFile, false, onSpawn)
  return readJson<LoadResult>(plan.resultFile)
}

export async function runPgInsertProcess(o: {
  url: string
  count: number
  concurrency: number
  payloadBytes: number
}): Promise<number> {
  const stdout = await runScript('pg-insert.ts', JSON.stringify(o), true)
  const { perSecond } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { perSecond?: number }
  if (typeof perSecond !== 'number') throw new Error(`pg-insert.ts printed no rate: ${stdout}`)
  return perSecond
}
