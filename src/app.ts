// buildApp(deps): the whole HTTP application as a Fastify instance; only main.ts listens.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'
import type { Kysely } from 'kysely'
import { auditRoutes } from './audit/audit.routes.ts'
import { authRoutes } from './auth/auth.routes.ts'
import { registerAuthentication } from './auth/authenticate.ts'
import type { TokenService } from './auth/token-issuer.ts'
import { awardRoutes } from './award/award.routes.ts'
import { clarificationsRoutes } from './clarifications/clarifications.routes.ts'
import { creditConfigFromEnvironment, DEFAULT_BID_BODY_LIMIT } from './config.ts'
import { creditRoutes } from './credit/credit.routes.ts'
import type { CreditConfig } from './credit/credit-config.ts'
import { createCreditLookups } from './credit/credit-lookups.ts'
import type { CreditProvider } from './credit/credit-provider.ts'
import { createCreditProviders } from './credit/credit-providers.ts'
import type { DatabaseKind } from './db/database.ts'
import type { Database } from './db/schema.ts'
import { evaluationRoutes } from './evaluation/evaluation.routes.ts'
import { openApiDocument } from './http/openapi-document.ts'
import { platformRoutes } from './http/platform.routes.ts'
import { problemServerOptions, registerProblemHandlers } from './http/problem.ts'
import { registerRequestLog } from './http/request-log.ts'
import { ProblemSchema } from './http/schemas.ts'
import { createValidatorCompiler } from './http/validation.ts'
import { keysRoutes } from './keys/keys.routes.ts'
import type { PlatformKeys } from './keys/platform-keys.ts'
import { objectionsRoutes } from './objections/objections.routes.ts'
import { openingRoutes } from './opening/opening.routes.ts'
import { pageFoundationDeps, webPages } from './pages.ts'
import { tenderCommandDeps } from './pipeline-follow-ups.ts'
import { receiptsRoutes } from './receipts/receipts.routes.ts'
import { recordsRoutes } from './records/records.routes.ts'
import { rulePackRoutes } from './rules/rule-packs.routes.ts'
import type { SandboxDeps } from './sandbox/advance-clock.ts'
import { sandboxRoutes } from './sandbox/sandbox.routes.ts'
import type { ThrottleLimits } from './sessions/login-throttle.ts'
import type { Clock } from './shared/clock.ts'
import { createFastPath, type FastPath } from './submission/fast-path.ts'
import { submissionRoutes } from './submission/submission.routes.ts'
import { tenderRoutes } from './tendering/tendering.routes.ts'
import { pageNotFoundHandler, wantsPage } from './web/page-foundation.ts'

export interface AppDeps {
  readonly db: Kysely<Database>
  readonly dbKind: DatabaseKind
  readonly clock: Clock
  readonly tokens: TokenService
  /** The platform signing keys and the key-encryption key. */
  readonly keys: PlatformKeys
  readonly devLogin: boolean
  readonly bodyLimit: number
  /** Largest bid submission in bytes (default DEFAULT_BID_BODY_LIMIT, 20 MiB). */
  readonly bidBodyLimit?: number
  readonly logger: FastifyServerOptions['logger']
  /** Credit sources (Config.credit); without it, the YOUXUAN_CREDIT_* environment (default: local register). */
  readonly credit?: CreditConfig
  /** The credit sources themselves, instead of those `credit` describes (a test's own remote source). */
  readonly creditProviders?: readonly CreditProvider[]
  /** The bid fast path's queue, hints and terms (default: new ones); a test passes its own to read them. */
  readonly fastPath?: FastPath
  /** The sandbox clock (embedded default, not production): then `clock` is this same clock. */
  readonly sandbox?: SandboxDeps
  /** Sign-in attempts allowed per client address and window (default LOGIN_LIMITS). */
  readonly loginLimits?: ThrottleLimits
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger,
    bodyLimit: deps.bodyLimit,
    requestIdHeader: 'x-request-id',
    logController: new LogController({ disableRequestLogging: true }),
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    ...problemServerOptions,
  })
  registerProblemHandlers(app, { wants: wantsPage, handler: pageNotFoundHandler(pageFoundationDeps(deps)) })
  registerRequestLog(app)
  app.addSchema(ProblemSchema)
  // Unknown fields are an error (additionalProperties: false), never silently dropped.
  app.setValidatorCompiler(createValidatorCompiler([]))
  app.removeContentTypeParser('text/plain')
  await app.register(swagger, openApiDocument)
  await app.register(swaggerUi, { routePrefix: '/docs' })
  registerAuthentication(app, deps.tokens)

  // Every tender command of this app runs the same follow-ups (timers, then the records outbox).
  const commandDeps = tenderCommandDeps(deps.db, deps.clock)
  // Built once and handed down: every credit lookup of this app (bids, opening, dossiers, the API) asks
  // these sources, and every bid submission shares one acceptance queue, its hints and terms.
  const providers =
    deps.creditProviders ??
    createCreditProviders(deps.credit ?? creditConfigFromEnvironment(), deps.db, deps.clock)
  const credit = createCreditLookups(deps.db, providers)
  const fastPath = deps.fastPath ?? createFastPath(deps.db)
  await app.register(platformRoutes, { dbKind: deps.dbKind, db: deps.db })
  await app.register(rulePackRoutes)
  await app.register(authRoutes, { db: deps.db, tokens: deps.tokens, devLogin: deps.devLogin })
  const keyedDeps = { ...commandDeps, keys: deps.keys }
  await app.register(keysRoutes, keyedDeps)
  await app.register(receiptsRoutes, keyedDeps)
  await app.register(tenderRoutes, keyedDeps)
  await app.register(clarificationsRoutes, commandDeps)
  await app.register(objectionsRoutes, commandDeps)
  await app.register(submissionRoutes, {
    ...keyedDeps,
    bidBodyLimit: deps.bidBodyLimit ?? DEFAULT_BID_BODY_LIMIT,
    credit,
    fastPath,
  })
  await app.register(openingRoutes, { ...keyedDeps, credit })
  await app.register(evaluationRoutes, commandDeps)
  await app.register(awardRoutes, { ...commandDeps, credit })
  await app.register(auditRoutes, commandDeps)
  await app.register(creditRoutes, { ...commandDeps, credit })
  await app.register(recordsRoutes, keyedDeps)
  await app.register(sandboxRoutes, { sandbox: deps.sandbox, followUps: commandDeps.followUps })
  await app.register(webPages, {
    ...commandDeps,
    keys: deps.keys,
    credit,
    devLogin: deps.devLogin,
    sandbox: deps.sandbox,
    ...(deps.loginLimits ? { loginLimits: deps.loginLimits } : {}),
  })
  return app
}
