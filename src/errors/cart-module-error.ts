/** Medusa's error types; hosts map them to HTTP statuses (404, 400/422, 409...). */
export const CartErrorType = {
  NOT_FOUND: "not_found",
  INVALID_DATA: "invalid_data",
  NOT_ALLOWED: "not_allowed",
  CONFLICT: "conflict",
  UNEXPECTED_STATE: "unexpected_state",
  DUPLICATE_ERROR: "duplicate_error",
  DB_ERROR: "database_error",
} as const

/** One of {@link CartErrorType}'s values. */
export type CartErrorType = (typeof CartErrorType)[keyof typeof CartErrorType]

/** One problem found in an input: where (path into the input) and what. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[]
  readonly message: string
  /** Set when the value breaks a CHECK constraint of the table (a negative amount): the database would refuse it too. */
  readonly constraint?: true
}

/** The base of every error the module throws on purpose; `type` says which kind it is. */
export class CartModuleError extends Error {
  override readonly name: string = "CartModuleError"
  /** Marker so hosts can recognise the error across package copies (instanceof fails across duplicates). */
  readonly __isCartModuleError = true
  /**
   * The flag Medusa's `MedusaError.isMedusaError(error)` reads: these errors carry Medusa's `type` and
   * messages, so a Medusa host's handlers treat them as its own.
   */
  readonly __isMedusaError = true

  constructor(
    readonly type: CartErrorType,
    message: string,
    readonly issues: readonly ValidationIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }

  /**
   * `instanceof` across copies: each entry of the package (`cartwright`, `cartwright/medusa`,
   * `cartwright/medusa-ports`) bundles its own copy of the error classes, so an error thrown by one entry
   * must still be `instanceof` the class a host imported from another. A value passes when it is a
   * CartModuleError (see {@link CartModuleError.is}) whose class, or one of its base classes, has this class's name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true
    if (!CartModuleError.is(value)) return false
    for (let proto = Reflect.getPrototypeOf(value); proto !== null && proto !== Object.prototype; proto = Reflect.getPrototypeOf(proto)) {
      const constructor: unknown = Reflect.get(proto, "constructor")
      if (typeof constructor === "function" && constructor.name === this.name) return true
    }
    return false
  }

  /** True for any CartModuleError, even one from another copy of the package. */
  static is(error: unknown): error is CartModuleError {
    return typeof error === "object" && error !== null && "__isCartModuleError" in error && error.__isCartModuleError === true
  }
}
