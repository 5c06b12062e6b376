import type { Timeouts } from "../persistence/unit-of-work"
import { z } from "zod"
import { InvalidDataError } from "../errors/errors"
import { issuePath } from "../validation/issue-path"
import type { EventBusPort } from "../ports/event-bus"
import type { LoggerPort } from "../ports/logger"
import type { TotalsRounding } from "../totals"

/**
 * Where the module's tables live. Give `clientUrl`, or host/port/user/password/database (not both);
 * neither: `DATABASE_URL`, else an embedded server.
 */
export interface CartDatabaseOptions {
  /** `postgres://user:password@host:port/database`; excludes the five fields below. */
  clientUrl?: string
  host?: string
  port?: number
  user?: string
  password?: string
  database?: string
  /** Create the database when it does not exist (default false: a missing database is an error, so a typo never creates one). */
  createDatabase?: boolean
  /** PostgreSQL schema for the tables (default `public`). */
  schema?: string
  /** Connection pool size (default min 0, max 10). */
  pool?: { min?: number; max?: number }
  /**
   * Run reads and one-statement writes as named prepared statements (default true: each connection plans
   * them once). Set false behind a pooler that hands each transaction another server connection
   * (PgBouncer before 1.21 or without `max_prepared_statements`, Supavisor in transaction mode).
   */
  preparedStatements?: boolean
}

/** Options of `createCartModule` / `registerCartModule`. */
export interface CartModuleOptions {
  database?: CartDatabaseOptions
  /** Receives events after commit; default: dropped. */
  eventBus?: EventBusPort
  /** Warnings and errors the module cannot throw, plus optional info/debug; default: `consoleLogger` (stderr, info and up). */
  logger?: LoggerPort
  /** Log every SQL statement (without its parameters) at the logger's `debug` level (default false). */
  logSql?: boolean
  /** Totals policy: `rounding: "none"` (default, Medusa-identical) or `{ mode: "half_even" | "half_up" }`. */
  totals?: { rounding?: TotalsRounding; lean?: boolean }
  /** Guards against abuse: the largest quantity on one line. */
  limits?: { maxQuantity?: number; maxLinesPerCart?: number }
  /** Retries after a deadlock or serialization failure (default 5). */
  maxRetries?: number
  /** Bounds on every wait, in milliseconds; see {@link CartTimeoutOptions}. */
  timeouts?: CartTimeoutOptions
}

/**
 * How long the module waits before giving up, in milliseconds. Each bound ends in a typed error;
 * none leaves a call hanging or a connection held.
 */
export interface CartTimeoutOptions {
  /** Total time a call may wait for a cart lock another call holds; then `ConflictError` (default 10000). */
  lockMs?: number
  /** PostgreSQL `statement_timeout` for the module's connections; then `UnexpectedStateError` (default 30000). */
  statementMs?: number
  /** Time to wait for a free pooled connection; then `UnexpectedStateError` (default 10000). */
  acquireMs?: number
  /** Time a committed write waits for the event bus before logging and returning (default 5000). */
  eventMs?: number
}

/** The defaults of {@link CartTimeoutOptions}. */
export const DEFAULT_TIMEOUTS: Required<CartTimeoutOptions> = { lockMs: 10_000, statementMs: 30_000, acquireMs: 10_000, eventMs: 5_000 }

/**
 * One lock wait per attempt: short, so a caller queued on a busy cart gives its pooled connection
 * back between attempts (see UnitOfWork), yet long enough that ordinary contention never retries.
 */
function lockProbeMs(lockMs: number): number {
  return Math.min(200, lockMs)
}

/** The unit of work's timeouts for validated options: the defaults, the caller's values, and the per-attempt lock probe. */
export function resolveTimeouts(timeouts: CartTimeoutOptions | undefined): Timeouts {
  return { ...DEFAULT_TIMEOUTS, ...timeouts, lockProbeMs: lockProbeMs(timeouts?.lockMs ?? DEFAULT_TIMEOUTS.lockMs) }
}

const CONNECTION_FIELDS = ["host", "port", "user", "password", "database"] as const

const port = z.number().int().min(1).max(65535)

const optionsSchema = z.object({
  database: z
    .object({
      clientUrl: z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
      host: z.string().min(1).optional(),
      port: port.optional(),
      user: z.string().optional(),
      password: z.string().optional(),
      database: z.string().min(1).optional(),
      createDatabase: z.boolean().optional(),
      schema: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a plain identifier")
        .optional(),
      pool: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(1).optional() }).optional(),
      preparedStatements: z.boolean().optional(),
    })
    .strict()
    .superRefine((db, context) => {
      if (db.clientUrl === undefined) return
      // A URL already names all five; accepting both would let one silently win over the other.
      for (const key of CONNECTION_FIELDS) {
        if (db[key] !== undefined) {
          context.addIssue({
            code: "custom",
            path: [key],
            message: `conflicts with database.clientUrl: give the URL or ${CONNECTION_FIELDS.join("/")}, not both`,
          })
        }
      }
    })
    .optional(),
  eventBus: z.custom<EventBusPort>((value) => hasMethods(value, ["emit"]), "must have an emit(events) method").optional(),
  logger: z.custom<LoggerPort>((value) => hasMethods(value, ["warn", "error"]), "must have warn() and error()").optional(),
  totals: z
    .object({
      rounding: z
        .union([z.literal("none"), z.object({ mode: z.enum(["half_even", "half_up"]) }).strict()], {
          error: 'must be "none" or { mode: "half_even" | "half_up" }',
        })
        .optional(),
      lean: z.boolean().optional(),
    })
    .strict()
    .optional(),
  limits: z
    .object({ maxQuantity: z.number().int().min(1).optional(), maxLinesPerCart: z.number().int().min(1).optional() })
    .strict()
    .optional(),
  maxRetries: z.number().int().min(0).max(50).optional(),
  timeouts: z
    .object({
      lockMs: z.number().int().min(1).max(3_600_000).optional(),
      statementMs: z.number().int().min(1).max(86_400_000).optional(),
      acquireMs: z.number().int().min(1).max(3_600_000).optional(),
      eventMs: z.number().int().min(1).max(3_600_000).optional(),
    })
    .strict()
    .optional(),
  logSql: z.boolean().optional(),
})

const registerSchema = optionsSchema.extend({
  key: z
    .string()
    .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, "must be an identifier such as cart")
    .optional(),
  migrate: z.boolean({ error: "must be true or false" }).optional(),
})

// A port is any object (or function) with these methods; its other members are the host's business.
function hasMethods(value: unknown, names: readonly string[]): boolean {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false
  return names.every((name) => typeof Reflect.get(value, name) === "function")
}

// The schemas have no transforms, so a value they accept is exactly an options object: the caller's own
// object is returned (not zod's copy), as hosts may compare it.
function conforms<S extends z.ZodType>(schema: S, value: unknown): value is z.input<S> {
  return schema.safeParse(value).success
}

function check<S extends z.ZodType>(schema: S, options: unknown): z.input<S> {
  const value: unknown = options ?? {}
  if (conforms(schema, value)) return value
  // An unknown key is reported at its own path (not its parent's), so a typo points at itself.
  const issues = (schema.safeParse(value).error?.issues ?? []).flatMap((issue) => {
    const path = issuePath(issue.path)
    if (issue.code !== "unrecognized_keys") return [{ path, message: issue.message }]
    return issue.keys.map((key) => ({ path: [...path, key], message: `unknown option "${key}"` }))
  })
  throw InvalidDataError.fromIssues(issues, "cartwright options")
}

/** Checks options at start-up; one error listing every problem. @throws InvalidDataError */
export function validateOptions(options: unknown): CartModuleOptions {
  return check(optionsSchema.strict(), options)
}

/** Checks `registerCartModule`'s options: the module's plus `key` and `migrate`. @throws InvalidDataError */
export function validateRegisterOptions(options: unknown): CartModuleOptions & { key?: string; migrate?: boolean } {
  return check(registerSchema.strict(), options)
}
