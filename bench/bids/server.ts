// The server under test, as its own process exactly as `npm start` runs it (`node bin/youxuan.mjs serve`,
// default log level, NODE_ENV unset), its log written to a file as a deployment would keep it.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'

export interface ServerProcess {
  readonly baseUrl: string
  readonly logFile: string
  readonly pid: number
  stop(): Promise<void>
}

export interface ServerOptions {
  readonly databaseUrl: string
  readonly port: number
  readonly kekBase64: string
  readonly dataDir: string
  readonly logFile: string
}

function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  const { LOG_LEVEL: _level, NODE_ENV: _mode, ...inherited } = process.env
  return {
    ...inherited,
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    // Shared with the bench process, which wraps the tender keys at publish; the server unwraps at OPEN.
    YOUXUAN_KEK: options.kekBase64,
    YOUXUAN_DATA_DIR: options.dataDir,
  }
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before /health`)
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the server was not healthy within ${timeoutMs} ms`)
}

export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const log = fs.openSync(options.logFile, 'w')
  // Diagnosis only (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"); unset, the server runs as `npm start` runs it.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, 'bin/youxuan.mjs', 'serve'], {
    env: serverEnv(options),
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const baseUrl = `http://127.0.0.1:${options.port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitHealthy(baseUrl, child, 60_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}; its log: ${options.logFile}`, { cause: error })
  }
  return { baseUrl, logFile: options.logFile, pid: child.pid ?? 0, stop }
}
