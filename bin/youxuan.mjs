#!/usr/bin/env node
// The `youxuan` command: registers tsx's loader in this process and runs src/main.ts (no build step).
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
