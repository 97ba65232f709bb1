// The command line: serve, migrate, demo, openapi, verify-receipt, verify, revoke-key, keys, credit, clock.
// The only place that exits the process.
import { loadConfig } from './config.ts'
import { systemClock } from './shared/clock.ts'

const USAGE = `usage: youxuan <command>

  serve              start the HTTP server (PORT, DATABASE_URL, YOUXUAN_DATA_DIR …; see README)
  migrate            apply database migrations and exit
  demo [--until award]
                     carry one demo tender through every phase over the HTTP API (or stop it at the
                     award meeting, for the browser)
  openapi --write    regenerate openapi/openapi.json
  openapi --check    fail when openapi/openapi.json differs from the routes
  verify-receipt <file> [--jwks <file|url>]
                     verify a bid receipt (default: this installation's keys); exit 0 only when valid
  keys rotate        make a new active signing key (the old one stays published)
  verify <file.pdf> [--jws <file>] [--jwks <file|url>]
                     verify a signed record (default: <file>.jws, this installation's keys); exit 0 only when valid
  revoke-key <kid> --reason <text>
                     revoke a signing key (what it signed then verifies as "revoked")
  credit import <file.csv|file.json|file.jsonl> [--strict]
                     load the local credit register; bad rows are reported by line
  credit check <USCC> [--at <ISO-8601>]
                     ask every credit source now and print the normalised report as JSON
  clock [advance <P20D> | advance --to <ISO-8601>]
                     read or advance the running server's sandbox clock (embedded default, as operator)`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'serve': {
      const { serve } = await import('./serve.ts')
      return serve(loadConfig())
    }
    case 'migrate': {
      const { openRuntime } = await import('./runtime.ts')
      const runtime = await openRuntime(loadConfig(), systemClock)
      const { describeKekSource } = await import('./keys/kek.ts')
      if (runtime.kekOrigin.source === 'file-created')
        console.warn(describeKekSource(runtime.kekOrigin).message)
      console.log(
        runtime.migrationsApplied.length
          ? `applied: ${runtime.migrationsApplied.join(', ')}`
          : 'the database is up to date',
      )
      await runtime.close()
      return 0
    }
    case 'demo': {
      const { parseDemoArgs, runDemo } = await import('./demo/run-demo.ts')
      const args = parseDemoArgs(rest)
      if ('error' in args) {
        console.error(args.error)
        return 2
      }
      return runDemo(loadConfig(), args.until)
    }
    case 'openapi': {
      const { openApiCommand } = await import('./cli/openapi-file.ts')
      return openApiCommand(rest)
    }
    case 'verify-receipt': {
      const { verifyReceiptCommand } = await import('./cli/verify-receipt.ts')
      return verifyReceiptCommand(rest)
    }
    case 'verify': {
      const { verifyCommand } = await import('./cli/verify-record.ts')
      return verifyCommand(rest)
    }
    case 'revoke-key': {
      const { revokeKeyCommand } = await import('./cli/revoke-key.ts')
      return revokeKeyCommand(rest)
    }
    case 'credit': {
      const { creditCommand } = await import('./cli/credit.ts')
      return creditCommand(rest)
    }
    case 'clock': {
      const { clockCommand } = await import('./cli/clock.ts')
      return clockCommand(rest)
    }
    case 'keys': {
      const { keysCommand } = await import('./cli/keys.ts')
      return keysCommand(rest)
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
