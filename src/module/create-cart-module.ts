import { MikroORM } from "@mikro-orm/postgresql"
import type { Options } from "@mikro-orm/postgresql"
import { Migrator } from "@mikro-orm/migrations"
import { ENTITY_SCHEMAS } from "../../models"
import { migrationsConfig } from "./migrations-config"
import { resolveDatabaseUrl } from "../database/resolve-database"
import { UnexpectedStateError } from "../errors/errors"
import { noopEventBus } from "../ports/event-bus"
import { consoleLogger } from "../ports/logger"
import { disablePreparedStatements } from "../persistence/db"
import { UnitOfWork } from "../persistence/unit-of-work"
import type { Timeouts } from "../persistence/unit-of-work"
import { CartModuleService } from "../service/cart-module-service"
import { Validator } from "../validation/validator"
import { resolveTimeouts, validateOptions } from "./options"
import type { CartDatabaseOptions, CartModuleOptions } from "./options"
import type { LoggerPort } from "../ports/logger"

/** A running cart module: its service plus lifecycle. */
export interface CartModule {
  /** The `ICartModuleService` implementation. */
  readonly service: CartModuleService
  /** The MikroORM instance (for hosts that want to share its EntityManager transactions). */
  readonly orm: MikroORM
  /** Applies pending migrations; safe to call any number of times. */
  migrate(): Promise<string[]>
  /** Rolls back the last migration (or all, with `{ all: true }`). */
  migrateDown(options?: { all?: boolean }): Promise<string[]>
  /** Lists applied and pending migrations. */
  migrationStatus(): Promise<{ executed: string[]; pending: string[] }>
  /** Closes every connection (and stops an embedded server this module started). */
  close(): Promise<void>
}

async function connectionOptions(
  db: CartDatabaseOptions | undefined,
  logger: LoggerPort,
): Promise<{ options: Partial<Options>; source: string; stop: () => Promise<void> }> {
  if (db?.clientUrl || db?.host || db?.database) {
    const options: Partial<Options> = db.clientUrl
      ? { clientUrl: db.clientUrl }
      : {
          host: db.host ?? "127.0.0.1",
          port: db.port ?? 5432,
          user: db.user ?? "postgres",
          password: db.password,
          dbName: db.database ?? "postgres",
        }
    return { options, source: "options.database", stop: async () => {} }
  }
  const resolved = await resolveDatabaseUrl(process.env, {}, (line) => (logger.info ?? logger.warn).call(logger, line))
  return {
    options: { clientUrl: resolved.url },
    source: resolved.source === "env" ? "DATABASE_URL" : "embedded server",
    stop: () => resolved.stop(),
  }
}

/** PostgreSQL settings for every connection of the pool (libpq `options`). */
function sessionSettings(schema: string | undefined, timeouts: Timeouts): string {
  const settings = [`-c lock_timeout=${timeouts.lockProbeMs}`, `-c statement_timeout=${timeouts.statementMs}`]
  if (schema) settings.push(`-c search_path=${schema}`)
  return settings.join(" ")
}

/** Explains an unreachable database in one line instead of a driver stack, with the fix for a missing database. */
function connectionError(error: unknown, where: string): Error {
  const message = String(propertyOf(error, "message") ?? error)
  const missing = propertyOf(error, "code") === "3D000" || /database ".*" does not exist/.test(message)
  const hint = missing ? " (create it, or pass database.createDatabase: true to let cartwright create it)" : ""
  return UnexpectedStateError.because(`cartwright could not connect to PostgreSQL at ${where}: ${message}${hint}`, error)
}

// Driver errors are not always Error instances (a pool can reject with a plain object), so read fields defensively.
function propertyOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined
}

function redact(url: string | undefined): string {
  return (url ?? "(host options)").replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")
}

/**
 * Starts the cart module: validates options, connects (DATABASE_URL or an embedded server when none
 * is configured), and builds the service. Call `migrate()` once before first use.
 *
 * @example
 * const cart = await createCartModule({ database: { clientUrl: process.env.DATABASE_URL } })
 * await cart.migrate()
 * await cart.service.createCarts({ currency_code: "usd" })
 * @throws InvalidDataError for bad options; UnexpectedStateError when the database is unreachable.
 */
export async function createCartModule(rawOptions: CartModuleOptions = {}): Promise<CartModule> {
  const options = validateOptions(rawOptions)
  const logger = options.logger ?? consoleLogger
  const { options: connection, source, stop } = await connectionOptions(options.database, logger)
  const where = redact(connection.clientUrl ?? `${connection.host}:${connection.port}`)
  const schema = options.database?.schema
  const timeouts = resolveTimeouts(options.timeouts)
  let orm: MikroORM
  try {
    orm = await MikroORM.init({
      ...connection,
      entities: ENTITY_SCHEMAS,
      extensions: [Migrator],
      discovery: { warnWhenNoEntities: false },
      // MikroORM creates a missing database by default, so a typo in its name would go unnoticed.
      ensureDatabase: options.database?.createDatabase === true,
      allowGlobalContext: true,
      pool: { min: options.database?.pool?.min ?? 0, max: options.database?.pool?.max ?? 10 },
      ...(schema ? { schema } : {}),
      driverOptions: {
        acquireConnectionTimeout: timeouts.acquireMs,
        // Set once per connection, so bounding waits costs no statement per call.
        connection: { options: sessionSettings(schema, timeouts) },
      },
      migrations: migrationsConfig(),
    })
    await orm.em.getConnection().execute("select 1")
  } catch (error) {
    await stop()
    throw connectionError(error, where)
  }
  logger.debug?.(`using PostgreSQL at ${where} (from ${source})`)
  const knex = orm.em.getKnex()
  if (options.database?.preparedStatements === false) disablePreparedStatements(knex)
  // Statements with their placeholders, never the bound values: those hold customer data (emails, addresses).
  if (options.logSql) knex.on("query", (query: { sql?: unknown }) => logger.debug?.(`sql: ${String(query.sql)}`))
  const unitOfWork = new UnitOfWork(knex, options.eventBus ?? noopEventBus, logger, { maxRetries: options.maxRetries ?? 5, timeouts })
  const service = new CartModuleService({
    unitOfWork,
    totals: { rounding: options.totals?.rounding ?? "none", lean: options.totals?.lean === true },
    validator: new Validator(options.limits ?? {}),
  })
  const migrator = orm.getMigrator()
  return {
    service,
    orm,
    async migrate() {
      if (schema) await knex.raw(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      const applied = (await migrator.up()).map((migration) => migration.name)
      for (const name of applied) logger.info?.(`applied migration ${name}`)
      return applied
    },
    async migrateDown(opts) {
      const reverted = (await migrator.down(opts?.all ? { to: 0 } : undefined)).map((migration) => migration.name)
      for (const name of reverted) logger.info?.(`reverted migration ${name}`)
      return reverted
    },
    async migrationStatus() {
      const executed = (await migrator.getExecutedMigrations()).map((migration) => migration.name)
      const pending = (await migrator.getPendingMigrations()).map((migration) => migration.name)
      return { executed, pending }
    },
    async close() {
      await unitOfWork.close()
      await orm.close(true)
      await stop()
    },
  }
}
