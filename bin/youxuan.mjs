#!/usr/bin/env node
// The `youxuan` command: runs src/main.ts through tsx (no build step needed).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')
const result = spawnSync(process.execPath, [tsxCli, path.join(root, 'src', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
