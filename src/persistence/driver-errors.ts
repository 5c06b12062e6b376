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

/** Keys and values from a detail such as `Key (cart_id)=(cart_1) is not present in table "cart".` */
function constraintInfo(pg: PgError): { keys: string[]; values: string[] } | undefined {
  const [keys, values] = pg.detail?.match(/\([^(]*\)/g) ?? []
  if (!keys || !values) return undefined
  const split = (group: string) => group.slice(1, -1).split(",").map((part) => part.trim())
  return { keys: split(keys), values: split(values) }
}

// PostgreSQL prints booleans in a detail as t/f; Medusa spells them out.
const booleanWord = (value: string) => (value === "t" ? "true" : value === "f" ? "false" : value)

/** Turns a driver error into the module's typed error; our own errors pass through untouched. */
export function mapDriverError(error: unknown): unknown {
  if (CartModuleError.is(error) || isRetryable(error)) return error
  const pg = error as PgError
  switch (pg?.code) {
    case "23514":
      return InvalidDataError.because(`Value rejected by database check "${pg.constraint ?? "?"}"`, [pg.constraint ?? ""])
    case "23505": {
      // Medusa's db-error-mapper words a taken key from the driver's detail: `Cart with id: cart_1, already exists.`
      const info = constraintInfo(pg)
      if (info && pg.table) return InvalidDataError.alreadyExists(pg.table, info.keys, info.values.map(booleanWord))
      return new DuplicateError("duplicate_error", `Duplicate value: ${pg.detail ?? pg.constraint ?? "unique key"}`)
    }
    case "23503": {
      const info = constraintInfo(pg)
      if (info) return NotFoundError.forRelation(info.keys[0]!, info.values[0] ?? "")
      return new NotFoundError("not_found", `Referenced row not found: ${pg.constraint ?? "foreign key"}`)
    }
    case "22P02":
    case "22003":
    case "22007":
    case "23502":
      return InvalidDataError.because(`Invalid value: ${(error as Error).message}`)
    default:
      if (pg?.code) return UnexpectedStateError.because(`Database error ${pg.code}: ${(error as Error).message}`, error)
      return error
  }
}
