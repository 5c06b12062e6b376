import { CartErrorType, CartModuleError } from "./cart-module-error"
import type { ValidationIssue } from "./cart-module-error"

/** A row that was asked for by id does not exist (or is soft-deleted). */
export class NotFoundError extends CartModuleError {
  override readonly name = "NotFoundError"

  /** `Cart with id "cart_123" not found`. */
  static forId(entity: string, id: string): NotFoundError {
    return new NotFoundError(CartErrorType.NOT_FOUND, `${entity} with id "${id}" not found`)
  }

  /** Several ids at once: `LineItem with id(s) "a", "b" not found`. */
  static forIds(entity: string, ids: readonly string[]): NotFoundError {
    if (ids.length === 1) return NotFoundError.forId(entity, ids[0]!)
    return new NotFoundError(CartErrorType.NOT_FOUND, `${entity} with id(s) ${ids.map((id) => `"${id}"`).join(", ")} not found`)
  }
}

/** The input is malformed; `issues` lists every problem with its path. */
export class InvalidDataError extends CartModuleError {
  override readonly name = "InvalidDataError"

  /** One error carrying every issue found. */
  static fromIssues(issues: readonly ValidationIssue[], what = "input"): InvalidDataError {
    const summary = issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
      .join("; ")
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : ""
    return new InvalidDataError(CartErrorType.INVALID_DATA, `Invalid ${what}: ${summary}${more}`, issues)
  }

  /** A single problem described in words. */
  static because(message: string, path: readonly (string | number)[] = []): InvalidDataError {
    return new InvalidDataError(CartErrorType.INVALID_DATA, message, [{ path, message }])
  }

  /** `limits.maxLinesPerCart` would be exceeded: `Cart "cart_1" would have 101 lines; the limit is 100`. */
  static tooManyLines(cartId: string, lines: number, max: number): InvalidDataError {
    return InvalidDataError.because(`Cart "${cartId}" would have ${lines} lines; the limit is ${max}`, ["items"])
  }
}

/** The operation is not allowed in the entity's current state, e.g. writing to a completed cart. */
export class NotAllowedError extends CartModuleError {
  override readonly name = "NotAllowedError"

  /** A completed cart refuses writes to its contents. */
  static cartCompleted(cartId: string): NotAllowedError {
    return new NotAllowedError(
      CartErrorType.NOT_ALLOWED,
      `Cart with id "${cartId}" is completed and can no longer be changed`,
    )
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
    return new ConflictError(
      `Cart with id "${cartId}" is at version ${current}, not the expected version ${expected}`,
      cartId,
      current,
    )
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
