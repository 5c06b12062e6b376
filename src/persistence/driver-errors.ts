import { CartModuleError } from "../errors/cart-module-error"
import { DuplicateError, InvalidDataError, NotFoundError, UnexpectedStateError } from "../errors/errors"

interface PgError {
  readonly code?: string
  readonly constraint?: string
  readonly detail?: string
  readonly table?: string
}

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(["40001", "40P01"])

/** True for serialization failures and deadlocks, which a retry resolves. */
export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has((error as PgError | undefined)?.code ?? "")
}

/** Turns a driver error into the module's typed error; our own errors pass through untouched. */
export function mapDriverError(error: unknown): unknown {
  if (CartModuleError.is(error) || isRetryable(error)) return error
  const pg = error as PgError
  switch (pg?.code) {
    case "23514":
      return InvalidDataError.because(`Value rejected by database check "${pg.constraint ?? "?"}"`, [pg.constraint ?? ""])
    case "23505":
      return new DuplicateError("duplicate_error", `Duplicate value: ${pg.detail ?? pg.constraint ?? "unique key"}`)
    case "23503":
      return new NotFoundError("not_found", `Referenced row not found: ${pg.detail ?? pg.constraint ?? "foreign key"}`)
    case "22P02":
    case "22003":
    case "22007":
    case "23502":
      return InvalidDataError.because(`Invalid value: ${(error as Error).message}`)
    case "42P01":
      return missingTable(error)
    default:
      if (pg?.code) return UnexpectedStateError.because(`Database error ${pg.code}: ${(error as Error).message}`, error)
      return error
  }
}

// The commonest first-run mistake: calling the module before its migrations ran.
function missingTable(error: unknown): unknown {
  const table = /relation "([^"]+)" does not exist/.exec((error as Error).message ?? "")?.[1]
  return UnexpectedStateError.because(
    `${table ? `Table "${table}"` : "A cart module table"} does not exist: run the migrations first ` +
      "(await module.migrate(), registerCartModule(container, { migrate: true }) or `npx cartwright migrate up`)",
    error,
  )
}
