import { CartModuleError } from "../errors/cart-module-error"
import { ConflictError, DuplicateError, InvalidDataError, NotFoundError, UnexpectedStateError } from "../errors/errors"
import type { LoggerPort } from "../ports/logger"

/** The fields of a driver error (pg's `DatabaseError`, knex's timeout, a socket error) that the mapping reads. */
interface PgError {
  readonly code?: string | undefined
  readonly constraint?: string | undefined
  readonly table?: string | undefined
  readonly name?: string | undefined
  readonly message?: string | undefined
  readonly detail?: string | undefined
}

/** Reads the {@link PgError} fields of whatever was thrown; a field that is missing or not a string is left out. */
function pgErrorOf(error: unknown): PgError {
  if (typeof error !== "object" || error === null) return {}
  const text = (key: keyof PgError): string | undefined => {
    const value: unknown = Reflect.get(error, key)
    return typeof value === "string" ? value : undefined
  }
  return {
    code: text("code"),
    constraint: text("constraint"),
    table: text("table"),
    name: text("name"),
    message: text("message"),
    detail: text("detail"),
  }
}

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(["40001", "40P01"])

/** SQLSTATEs and driver messages of a connection that is gone (killed backend, server shutdown, network). */
const CONNECTION_LOST = new Set(["57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004"])
const CONNECTION_LOST_MESSAGE =
  /Connection terminated|connection.*(closed|ended|terminated)|ECONNRESET|ECONNREFUSED|EPIPE|Client has encountered a connection error/i

/** Budgets the mapped messages quote, so a timeout names the option that bounds it. */
export interface TimeoutBudgets {
  readonly lockMs: number
  readonly statementMs: number
  readonly acquireMs: number
}

function codeOf(error: unknown): string {
  return pgErrorOf(error).code ?? ""
}

/** True for serialization failures and deadlocks, which a retry resolves. */
export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(codeOf(error))
}

/** True when a lock wait hit `lock_timeout` (55P03): the unit of work retries until its lock budget is spent. */
export function isLockTimeout(error: unknown): boolean {
  return codeOf(error) === "55P03"
}

/** The column a CHECK constraint guards, from our naming (`<table>_<column>_check`); never the SQL. */
function checkedField(error: PgError): string {
  const name = error.constraint ?? ""
  const table = error.table ?? ""
  const field = name.startsWith(`${table}_`) ? name.slice(table.length + 1) : name
  return field.replace(/_check$/, "") || "value"
}

/** Keys and values from a detail such as `Key (cart_id)=(cart_1) is not present in table "cart".` */
function constraintInfo(pg: PgError): { keys: string[]; values: string[] } | undefined {
  const [keys, values] = pg.detail?.match(/\([^(]*\)/g) ?? []
  if (!keys || !values) return undefined
  const split = (group: string) =>
    group
      .slice(1, -1)
      .split(",")
      .map((part) => part.trim())
  return { keys: split(keys), values: split(values) }
}

// PostgreSQL prints booleans in a detail as t/f; Medusa spells them out.
const booleanWord = (value: string) => (value === "t" ? "true" : value === "f" ? "false" : value)

function mapCode(pg: PgError, budgets: TimeoutBudgets): CartModuleError | undefined {
  switch (pg.code) {
    case "23514": {
      const field = checkedField(pg)
      return InvalidDataError.because(`Invalid value for "${field}": rejected by a database check`, [field])
    }
    case "23505": {
      // Medusa's db-error-mapper words a taken key from the driver's detail: `Cart with id: cart_1, already exists.`
      // (key values are data the caller sent, not SQL).
      const info = constraintInfo(pg)
      if (info && pg.table) return InvalidDataError.alreadyExists(pg.table, info.keys, info.values.map(booleanWord))
      return new DuplicateError("duplicate_error", "A row with the same key already exists")
    }
    case "23503": {
      const info = constraintInfo(pg)
      if (info) return NotFoundError.forRelation(info.keys[0]!, info.values[0] ?? "")
      return new NotFoundError("not_found", "A referenced row does not exist")
    }
    case "22P02":
    case "22003":
    case "22007":
    case "22008":
    case "22021":
    case "22P05":
    case "23502":
    case "54000":
      return InvalidDataError.because(pg.code === "22003" ? "Invalid value: a number is out of range" : "Invalid value for a field")
    case "55P03":
      return ConflictError.lockTimeout(budgets.lockMs)
    case "57014":
      return UnexpectedStateError.because(
        `A database statement took longer than the ${budgets.statementMs} ms statement timeout (option timeouts.statementMs)`,
      )
    case "42P01":
      return missingTable(pg)
    default:
      return undefined
  }
}

/**
 * Turns any failure into the module's typed error; our own errors pass through untouched. The
 * message names no SQL, table or driver internals: that detail goes to `logger.error` only.
 */
export function mapDriverError(
  error: unknown,
  logger?: LoggerPort,
  budgets: TimeoutBudgets = { lockMs: 0, statementMs: 0, acquireMs: 0 },
): unknown {
  if (CartModuleError.is(error) || isRetryable(error)) return error
  const pg = pgErrorOf(error)
  const mapped =
    mapCode(pg, budgets) ??
    (pg.name === "KnexTimeoutError"
      ? UnexpectedStateError.because(`No database connection became free within ${budgets.acquireMs} ms (option timeouts.acquireMs)`)
      : CONNECTION_LOST.has(pg.code ?? "") || CONNECTION_LOST_MESSAGE.test(pg.message ?? "")
        ? UnexpectedStateError.because("The database connection was lost; the call did not complete")
        : pg.code
          ? UnexpectedStateError.because(`Database error ${pg.code}`)
          : UnexpectedStateError.because("Unexpected internal error"))
  // No `cause`: hosts serialise errors, and the driver's message quotes the SQL.
  logger?.error(`${mapped.message} (driver detail follows)`, { code: pg.code, error })
  return mapped
}

// The commonest first-run mistake: calling the module before its migrations ran.
function missingTable(error: PgError): CartModuleError {
  const table = /relation "([^"]+)" does not exist/.exec(error.message ?? "")?.[1]
  return UnexpectedStateError.because(
    `${table ? `Table "${table}"` : "A cart module table"} does not exist: run the migrations first ` +
      "(await module.migrate(), registerCartModule(container, { migrate: true }) or `npx cartwright migrate up`)",
  )
}
