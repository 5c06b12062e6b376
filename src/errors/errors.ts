import { CartErrorType, CartModuleError } from "./cart-module-error"
import type { ValidationIssue } from "./cart-module-error"

/** A row that was asked for by id does not exist (or is soft-deleted). Messages are `@medusajs/cart` 2.21's, word for word. */
export class NotFoundError extends CartModuleError {
  override readonly name = "NotFoundError"

  /** A retrieve by id found nothing, in Medusa's wording: `Cart with id: cart_123 was not found`. */
  static forId(entity: string, id: string): NotFoundError {
    return new NotFoundError(CartErrorType.NOT_FOUND, `${entity} with id: ${id} was not found`)
  }

  /** An update by id found nothing for some ids, in Medusa's wording: `LineItem with id "cali_1, cali_2" not found`. */
  static forIds(entity: string, ids: readonly string[]): NotFoundError {
    return new NotFoundError(CartErrorType.NOT_FOUND, `${entity} with id "${ids.join(", ")}" not found`)
  }

  /** A retrieve without an id at all: `cart - id must be defined`. */
  static idRequired(entity: string): NotFoundError {
    return new NotFoundError(CartErrorType.NOT_FOUND, `${entity.charAt(0).toLowerCase()}${entity.slice(1)} - id must be defined`)
  }

  /**
   * A row names a parent that does not exist, in the wording Medusa's database error mapper gives the
   * foreign-key violation: `You tried to set relationship cart_id: cart_1, but such entity does not exist`.
   */
  static forRelation(column: string, id: string): NotFoundError {
    return new NotFoundError(CartErrorType.NOT_FOUND, `You tried to set relationship ${column}: ${id}, but such entity does not exist`)
  }
}

/** The input is malformed; `issues` lists every problem with its path. */
export class InvalidDataError extends CartModuleError {
  override readonly name: string = "InvalidDataError"

  /** One error carrying every issue found; a {@link CheckConstraintError} when every issue is a broken CHECK constraint. */
  static fromIssues(issues: readonly ValidationIssue[], what = "input"): InvalidDataError {
    const summary = issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
      .join("; ")
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : ""
    const message = `Invalid ${what}: ${summary}${more}`
    if (issues.length > 0 && issues.every((issue) => issue.constraint === true)) {
      return new CheckConstraintError(CartErrorType.INVALID_DATA, message, issues)
    }
    return new InvalidDataError(CartErrorType.INVALID_DATA, message, issues)
  }

  /** A single problem described in words. */
  static because(message: string, path: readonly (string | number)[] = []): InvalidDataError {
    return new InvalidDataError(CartErrorType.INVALID_DATA, message, [{ path, message }])
  }

  /**
   * A required field is missing, in the wording of MikroORM's check under `@medusajs/cart` (its first
   * line; MikroORM appends a dump of the entity, which we leave out): `Value for Cart.currency_code is required, 'undefined' found`.
   */
  static required(entity: string, field: string, found: unknown, issues: readonly ValidationIssue[]): InvalidDataError {
    return new InvalidDataError(CartErrorType.INVALID_DATA, `Value for ${entity}.${field} is required, '${String(found)}' found`, issues)
  }

  /** An adjustment or tax line names an item or shipping method outside the cart: `Line item with id cali_1 does not exist on cart with id cart_1`. */
  static notOnCart(
    parent: "Line item" | "Shipping method",
    parentId: string,
    cartId: string,
    path: readonly (string | number)[],
  ): InvalidDataError {
    return InvalidDataError.because(`${parent} with id ${parentId} does not exist on cart with id ${cartId}`, path)
  }

  /**
   * A unique key is taken, in the wording (and `invalid_data` type) of Medusa's database error mapper:
   * `Cart line item with id: cali_1, already exists.`
   */
  static alreadyExists(table: string, keys: readonly string[], values: readonly string[]): InvalidDataError {
    const entity = table.split("_").join(" ")
    const pairs = keys.map((key, index) => `${key}: ${values[index] ?? ""}`).join(", ")
    return InvalidDataError.because(`${entity.charAt(0).toUpperCase()}${entity.slice(1)} with ${pairs}, already exists.`, [...keys])
  }

  /** `limits.maxLinesPerCart` would be exceeded: `Cart "cart_1" would have 101 lines; the limit is 100`. */
  static tooManyLines(cartId: string, lines: number, max: number): InvalidDataError {
    return InvalidDataError.because(`Cart "${cartId}" would have ${lines} lines; the limit is ${max}`, ["items"])
  }
}

/** The operation is not allowed in the entity's current state, e.g. writing to a completed cart. */
/**
 * An input the table's CHECK constraints forbid (a negative unit price or amount), refused before any write.
 * Its `name` is that of the MikroORM exception `@medusajs/cart` lets through for the same input (its database
 * refuses the row), so code that checks the name keeps working; unlike that exception it is typed
 * `invalid_data` (HTTP 400 in a Medusa app, where the untyped one is a 500) and quotes no SQL.
 */
export class CheckConstraintError extends InvalidDataError {
  override readonly name: string = "CheckConstraintViolationException"
}

export class NotAllowedError extends CartModuleError {
  override readonly name = "NotAllowedError"

  /** A completed cart refuses writes to its contents. */
  static cartCompleted(cartId: string): NotAllowedError {
    return new NotAllowedError(CartErrorType.NOT_ALLOWED, `Cart with id "${cartId}" is completed and can no longer be changed`)
  }

  /** Any other refusal, explained. */
  static because(message: string): NotAllowedError {
    return new NotAllowedError(CartErrorType.NOT_ALLOWED, message)
  }
}

/** The caller's expected version of a cart no longer matches; re-read and retry. */
export class ConflictError extends CartModuleError {
  override readonly name = "ConflictError"

  constructor(
    message: string,
    readonly cartId?: string,
    readonly currentVersion?: number,
  ) {
    super(CartErrorType.CONFLICT, message)
  }

  /** The cart lock was not granted within `timeouts.lockMs`: another call holds the cart. */
  static lockTimeout(lockMs: number): ConflictError {
    return new ConflictError(`The cart is busy: its lock was not granted within ${lockMs} ms (option timeouts.lockMs); retry later`)
  }

  /** Expected `expected`, found `current`. */
  static versionMismatch(cartId: string, expected: number, current: number): ConflictError {
    return new ConflictError(`Cart with id "${cartId}" is at version ${current}, not the expected version ${expected}`, cartId, current)
  }
}

/** A unique key would be violated. */
export class DuplicateError extends CartModuleError {
  override readonly name = "DuplicateError"

  /** `LineItem with id "cali_1" already exists`. */
  static forId(entity: string, id: string): DuplicateError {
    return new DuplicateError(CartErrorType.DUPLICATE_ERROR, `${entity} with id "${id}" already exists`)
  }
}

/** Something that should not happen did: a bug or a broken database. */
export class UnexpectedStateError extends CartModuleError {
  override readonly name = "UnexpectedStateError"

  /** A call made while or after `close()` ran. */
  static closed(): UnexpectedStateError {
    return new UnexpectedStateError(CartErrorType.UNEXPECTED_STATE, "The cart module is closed")
  }

  /** Wraps the underlying cause. */
  static because(message: string, cause?: unknown): UnexpectedStateError {
    return new UnexpectedStateError(CartErrorType.UNEXPECTED_STATE, message, [], { cause })
  }
}
